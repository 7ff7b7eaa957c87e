// The part of nodejieba the project uses, loaded once: cppjieba's mixed segmenter (dictionary and
// HMM) with its part-of-speech tagger, compiled from the cppjieba sources nodejieba ships.
// nodejieba's own binding also builds, at every load, a second copy of the dictionary and the HMM
// model for TextRank keyword extraction, which the project never calls: half of its load time and
// memory. The same code cuts and tags the same way: only what is loaded differs.
#include <napi.h>

#include <fstream>
#include <memory>
#include <string>
#include <utility>
#include <vector>

// cppjieba's DictTrie with a faster load (same words, weights and trie): before the segmenters,
// which then use it.
#include "dict_trie.hpp"
#include "cppjieba/MixSegment.hpp"

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {

// cppjieba ends the process when it cannot open a file; check first and throw instead.
void RequireReadable(const Napi::Env& env, const std::string& path) {
  if (path.empty()) return;
  std::ifstream file(path);
  if (!file.is_open()) throw Napi::Error::New(env, "cannot read jieba dictionary file " + path);
}

std::string StringArgument(const Napi::CallbackInfo& info, size_t k, const char* name) {
  if (info.Length() <= k || !info[k].IsString())
    throw Napi::TypeError::New(info.Env(), std::string(name) + " must be a string");
  return info[k].As<Napi::String>().Utf8Value();
}

}  // namespace

class Jieba : public Napi::Addon<Jieba> {
 public:
  Jieba(Napi::Env env, Napi::Object exports) {
    DefineAddon(exports, {
                             InstanceMethod("load", &Jieba::Load),
                             InstanceMethod("cut", &Jieba::Cut),
                             InstanceMethod("tag", &Jieba::Tag),
                             InstanceMethod("cutJoined", &Jieba::CutJoined),
                             InstanceMethod("tagJoined", &Jieba::TagJoined),
                         });
  }

 private:
  // load(dictPath, hmmPath, userDictPaths): userDictPaths may be '' or several joined by '|' or ';'.
  Napi::Value Load(const Napi::CallbackInfo& info) {
    const std::string dict = StringArgument(info, 0, "dictPath");
    const std::string hmm = StringArgument(info, 1, "hmmPath");
    const std::string user = StringArgument(info, 2, "userDictPaths");
    RequireReadable(info.Env(), dict);
    RequireReadable(info.Env(), hmm);
    for (const std::string& path : limonp::Split(user, "|;")) RequireReadable(info.Env(), path);
    auto trie = std::make_unique<cppjieba::DictTrie>(dict, user);
    auto model = std::make_unique<cppjieba::HMMModel>(hmm);
    auto segment = std::make_unique<cppjieba::MixSegment>(trie.get(), model.get());
    segment_ = std::move(segment);
    model_ = std::move(model);
    trie_ = std::move(trie);
#ifdef __GLIBC__
    // Loading frees as much as it keeps (file lines, the words before the trie is built): hand
    // those pages back to the system instead of holding them for the life of the process.
    malloc_trim(0);
#endif
    return info.Env().Undefined();
  }

  // cut(text, hmm): the words of the text.
  Napi::Value Cut(const Napi::CallbackInfo& info) {
    const cppjieba::MixSegment& segment = Loaded(info.Env());
    const std::string text = StringArgument(info, 0, "text");
    const bool hmm = info.Length() > 1 && info[1].ToBoolean().Value();
    std::vector<std::string> words;
    segment.Cut(text, words, hmm);
    Napi::Array out = Napi::Array::New(info.Env(), words.size());
    for (size_t i = 0; i < words.size(); i++) out.Set(i, Napi::String::New(info.Env(), words[i]));
    return out;
  }

  // tag(text): the words of the text with their part-of-speech tags, as { word, tag }.
  Napi::Value Tag(const Napi::CallbackInfo& info) {
    const cppjieba::MixSegment& segment = Loaded(info.Env());
    const std::string text = StringArgument(info, 0, "text");
    std::vector<std::pair<std::string, std::string>> tagged;
    segment.Tag(text, tagged);
    Napi::Env env = info.Env();
    Napi::Array out = Napi::Array::New(env, tagged.size());
    for (size_t i = 0; i < tagged.size(); i++) {
      Napi::Object pair = Napi::Object::New(env);
      pair.Set("word", Napi::String::New(env, tagged[i].first));
      pair.Set("tag", Napi::String::New(env, tagged[i].second));
      out.Set(i, pair);
    }
    return out;
  }

  // cutJoined(text, hmm) and tagJoined(text): the same words (and tags) as one string, each item
  // followed by SEPARATOR. One string crosses into JavaScript instead of an array of strings (or of
  // objects): making those is most of a short text's cost (a 60-character sentence: tag 31-39 µs,
  // tagJoined and a split 11-12 µs). The caller splits, and calls cut or tag for a text that holds
  // SEPARATOR itself.
  Napi::Value CutJoined(const Napi::CallbackInfo& info) {
    const cppjieba::MixSegment& segment = Loaded(info.Env());
    const std::string text = StringArgument(info, 0, "text");
    const bool hmm = info.Length() > 1 && info[1].ToBoolean().Value();
    std::vector<std::string> words;
    segment.Cut(text, words, hmm);
    std::string out;
    out.reserve(text.size() + words.size());
    for (const std::string& word : words) {
      out += word;
      out += kSeparator;
    }
    return Napi::String::New(info.Env(), out);
  }

  Napi::Value TagJoined(const Napi::CallbackInfo& info) {
    const cppjieba::MixSegment& segment = Loaded(info.Env());
    const std::string text = StringArgument(info, 0, "text");
    std::vector<std::pair<std::string, std::string>> tagged;
    segment.Tag(text, tagged);
    std::string out;
    out.reserve(text.size() + 4 * tagged.size());
    for (const auto& [word, tag] : tagged) {
      out += word;
      out += kSeparator;
      out += tag;
      out += kSeparator;
    }
    return Napi::String::New(info.Env(), out);
  }

  static constexpr char kSeparator = '\x01';

  const cppjieba::MixSegment& Loaded(const Napi::Env& env) const {
    if (!segment_) throw Napi::Error::New(env, "jieba: load() the dictionary first");
    return *segment_;
  }

  std::unique_ptr<cppjieba::DictTrie> trie_;
  std::unique_ptr<cppjieba::HMMModel> model_;
  std::unique_ptr<cppjieba::MixSegment> segment_;
};

NODE_API_ADDON(Jieba)
