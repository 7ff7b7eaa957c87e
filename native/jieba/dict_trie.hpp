// cppjieba's DictTrie (nodejieba 3.5.8, submodules/cppjieba/include/cppjieba/DictTrie.hpp; The
// MIT License, Copyright (c) 2013), loaded faster and held in less memory, with the same words,
// weights and lookups. Included before cppjieba's segmenters, whose own `#include "DictTrie.hpp"`
// its include guard then skips. What differs, all in loading (the compact dictionary with a
// domain dictionary, 105,000 words: 110-113 ms of CPU and 44 MB peak for a process loading it with
// cppjieba's code, 46-53 ms and 24 MB with this; docs/performance.md):
// - LoadDict: a line "word freq tag" is cut in place and its word decoded from the line's bytes,
//   not split into three new strings first; a line of another shape goes through the original
//   code (Split and its checks), so a malformed dictionary fails as before.
// - SetStaticWordWeights: the smallest, median and largest weights are found among the weights
//   alone (nth_element, minmax), not by copying and sorting every word with its runes and tag:
//   the same three numbers.
// - Init: room for every line of the dictionaries reserved first, so the words are not copied
//   as the vector grows, and Shrink (a copy to the exact size) has nothing left to do.
// - The trie is ArrayTrie (below): arrays instead of a hash map per node, built once; so
//   InsertUserWord and DeleteUserWord (never called by the binding) are left out.
// Everything else is cppjieba's code as it is.
#ifndef CPPJIEBA_DICT_TRIE_HPP
#define CPPJIEBA_DICT_TRIE_HPP

#include <iostream>
#include <fstream>
#include <map>
#include <string>
#include <cstring>
#include <cstdlib>
#include <stdint.h>
#include <cmath>
#include <limits>
#include "limonp/StringUtil.hpp"
#include "limonp/Logging.hpp"
#include <algorithm>
#include <iterator>
#include "cppjieba/Unicode.hpp"
#include "cppjieba/Trie.hpp"

namespace cppjieba {

using namespace limonp;

const double MIN_DOUBLE = -3.14e+100;
const double MAX_DOUBLE = 3.14e+100;
const size_t DICT_COLUMN_NUM = 3;
const char* const UNKNOWN_TAG = "";

// cppjieba's Trie, its lookups answered the same, held in arrays: a node per prefix of the
// words, its children's runes sorted side by side with their nodes, found by binary search (the
// root's by a table over the Basic Multilingual Plane). cppjieba's keeps a hash map per node,
// about 20 MB for the compact dictionary and a quarter of its load; these arrays are a few MB
// and built from the words sorted. A word listed twice keeps its last entry, as cppjieba's
// insertion in order does.
class ArrayTrie {
 public:
  explicit ArrayTrie(const vector<DictUnit>& units) : units_(units), rootTable_(0x10000, 0) {
    order_.reserve(units.size());
    for (uint32_t i = 0; i < units.size(); i++)
      if (!units[i].word.empty()) order_.push_back(i);
    // Sorted by runes; equal words stay in dictionary order, so the last of them is the last listed.
    stable_sort(order_.begin(), order_.end(), [&](uint32_t a, uint32_t b) {
      const Unicode& x = units[a].word;
      const Unicode& y = units[b].word;
      return lexicographical_compare(x.begin(), x.end(), y.begin(), y.end());
    });
    nodes_.push_back(Node());
    Build(0, 0, order_.size(), 0);
    for (uint32_t c = nodes_[0].childBegin; c < nodes_[0].childEnd; c++)
      if (runes_[c] < rootTable_.size()) rootTable_[runes_[c]] = children_[c];
    vector<uint32_t>().swap(order_);
    nodes_.shrink_to_fit();
    runes_.shrink_to_fit();
    children_.shrink_to_fit();
  }

  const DictUnit* Find(RuneStrArray::const_iterator begin, RuneStrArray::const_iterator end) const {
    if (begin == end) return NULL;
    uint32_t node = 0;
    for (RuneStrArray::const_iterator it = begin; it != end; it++) {
      node = Child(node, it->rune);
      if (node == 0) return NULL;
    }
    return nodes_[node].value;
  }

  void Find(RuneStrArray::const_iterator begin, RuneStrArray::const_iterator end, vector<struct Dag>& res,
            size_t max_word_len = MAX_WORD_LENGTH) const {
    res.resize(end - begin);
    for (size_t i = 0; i < size_t(end - begin); i++) {
      res[i].runestr = *(begin + i);
      uint32_t node = Child(0, res[i].runestr.rune);
      res[i].nexts.push_back(pair<size_t, const DictUnit*>(i, node != 0 ? nodes_[node].value : NULL));
      for (size_t j = i + 1; j < size_t(end - begin) && (j - i + 1) <= max_word_len; j++) {
        if (node == 0) break;
        node = Child(node, (begin + j)->rune);
        if (node == 0) break;
        if (NULL != nodes_[node].value) res[i].nexts.push_back(pair<size_t, const DictUnit*>(j, nodes_[node].value));
      }
    }
  }

 private:
  struct Node {
    uint32_t childBegin = 0;
    uint32_t childEnd = 0;
    const DictUnit* value = NULL;
  };

  // The node under `node` by `rune`; 0 (the root, never a child) when there is none.
  uint32_t Child(uint32_t node, Rune rune) const {
    if (node == 0 && rune < rootTable_.size()) return rootTable_[rune];
    const Rune* first = runes_.data() + nodes_[node].childBegin;
    const Rune* last = runes_.data() + nodes_[node].childEnd;
    const Rune* at = lower_bound(first, last, rune);
    return at != last && *at == rune ? children_[at - runes_.data()] : 0;
  }

  // Fills node `node` from the sorted words order_[lo, hi), which share their first `depth` runes.
  void Build(uint32_t node, size_t lo, size_t hi, size_t depth) {
    // Words that end here sort first; the last of them is the one cppjieba's trie keeps.
    while (lo < hi && units_[order_[lo]].word.size() == depth) nodes_[node].value = &units_[order_[lo++]];
    vector<pair<size_t, size_t>> groups;  // [from, to) of each rune that follows
    for (size_t from = lo; from < hi;) {
      const Rune rune = units_[order_[from]].word[depth];
      size_t to = from + 1;
      while (to < hi && units_[order_[to]].word[depth] == rune) to++;
      groups.push_back(make_pair(from, to));
      from = to;
    }
    const uint32_t first = runes_.size();
    nodes_[node].childBegin = first;
    nodes_[node].childEnd = first + groups.size();
    for (const auto& g : groups) {
      runes_.push_back(units_[order_[g.first]].word[depth]);
      children_.push_back(nodes_.size());
      nodes_.push_back(Node());
    }
    for (size_t k = 0; k < groups.size(); k++) Build(children_[first + k], groups[k].first, groups[k].second, depth + 1);
  }

  const vector<DictUnit>& units_;
  vector<uint32_t> order_;
  vector<Node> nodes_;
  vector<Rune> runes_;
  vector<uint32_t> children_;
  vector<uint32_t> rootTable_;
};

class DictTrie {
 public:
  enum UserWordWeightOption {
    WordWeightMin,
    WordWeightMedian,
    WordWeightMax,
  }; // enum UserWordWeightOption

  DictTrie(const string& dict_path, const string& user_dict_paths = "", UserWordWeightOption user_word_weight_opt = WordWeightMedian) {
    Init(dict_path, user_dict_paths, user_word_weight_opt);
  }

  ~DictTrie() {
    delete trie_;
  }

  // cppjieba's InsertUserWord and DeleteUserWord change the trie in place; the binding never calls
  // them, and the trie here is built once (ArrayTrie).

  const DictUnit* Find(RuneStrArray::const_iterator begin, RuneStrArray::const_iterator end) const {
    return trie_->Find(begin, end);
  }

  void Find(RuneStrArray::const_iterator begin, 
        RuneStrArray::const_iterator end, 
        vector<struct Dag>&res,
        size_t max_word_len = MAX_WORD_LENGTH) const {
    trie_->Find(begin, end, res, max_word_len);
  }

  bool Find(const string& word)
  {
    const DictUnit *tmp = NULL;
    RuneStrArray runes;
    if (!DecodeUTF8RunesInString(word, runes))
    {
      XLOG(ERROR) << "Decode failed.";
    }
    tmp = Find(runes.begin(), runes.end());
    if (tmp == NULL)
    {
      return false;
    }
    else
    {
      return true;
    }
  }

  bool IsUserDictSingleChineseWord(const Rune& word) const {
    return IsIn(user_dict_single_chinese_word_, word);
  }

  double GetMinWeight() const {
    return min_weight_;
  }

  void InserUserDictNode(const string& line) {
    vector<string> buf;
    DictUnit node_info;
    Split(line, buf, " ");
    if(buf.size() == 1){
          MakeNodeInfo(node_info, 
                buf[0], 
                user_word_default_weight_,
                UNKNOWN_TAG);
        } else if (buf.size() == 2) {
          MakeNodeInfo(node_info, 
                buf[0], 
                user_word_default_weight_,
                buf[1]);
        } else if (buf.size() == 3) {
          int freq = atoi(buf[1].c_str());
          assert(freq_sum_ > 0.0);
          double weight = log(1.0 * freq / freq_sum_);
          MakeNodeInfo(node_info, buf[0], weight, buf[2]);
        }
        static_node_infos_.push_back(node_info);
        if (node_info.word.size() == 1) {
          user_dict_single_chinese_word_.insert(node_info.word[0]);
        }
  }
  
  void LoadUserDict(const vector<string>& buf) {
    for (size_t i = 0; i < buf.size(); i++) {
      InserUserDictNode(buf[i]);
    }
  }

   void LoadUserDict(const set<string>& buf) {
    std::set<string>::const_iterator iter;
    for (iter = buf.begin(); iter != buf.end(); iter++){
      InserUserDictNode(*iter);
    }
  }

  void LoadUserDict(const string& filePaths) {
    vector<string> files = limonp::Split(filePaths, "|;");
    for (size_t i = 0; i < files.size(); i++) {
      ifstream ifs(files[i].c_str());
      XCHECK(ifs.is_open()) << "open " << files[i] << " failed"; 
      string line;
      
      while(getline(ifs, line)) {
        if (line.size() == 0) {
          continue;
        }
        InserUserDictNode(line);
      }
    }
  }


 private:
  void Init(const string& dict_path, const string& user_dict_paths, UserWordWeightOption user_word_weight_opt) {
    // Room for every word at once: no copying as the vector grows, and Shrink finds it exact.
    size_t words = LineCount(dict_path, false);
    for (const string& path : limonp::Split(user_dict_paths, "|;")) words += LineCount(path, true);
    static_node_infos_.reserve(words);
    LoadDict(dict_path);
    freq_sum_ = CalcFreqSum(static_node_infos_);
    CalculateWeight(static_node_infos_, freq_sum_);
    SetStaticWordWeights(user_word_weight_opt);

    if (user_dict_paths.size()) {
      LoadUserDict(user_dict_paths);
    }
    Shrink(static_node_infos_);
    CreateTrie(static_node_infos_);
  }
  
  void CreateTrie(const vector<DictUnit>& dictUnits) {
    assert(dictUnits.size());
    trie_ = new ArrayTrie(dictUnits);
  }

  


  bool MakeNodeInfo(DictUnit& node_info,
        const string& word, 
        double weight, 
        const string& tag) {
    if (!DecodeUTF8RunesInString(word, node_info.word)) {
      XLOG(ERROR) << "UTF-8 decode failed for dict word: " << word;
      return false;
    }
    node_info.weight = weight;
    node_info.tag = tag;
    return true;
  }

  void LoadDict(const string& filePath) {
    ifstream ifs(filePath.c_str());
    XCHECK(ifs.is_open()) << "open " << filePath << " failed.";
    string line;
    vector<string> buf;

    DictUnit node_info;
    while (getline(ifs, line)) {
      // "word freq tag": two spaces and a tag, as Split would cut it into three fields.
      const size_t first = line.find(' ');
      const size_t second = first == string::npos ? string::npos : line.find(' ', first + 1);
      if (second != string::npos && second + 1 < line.size() && line.find(' ', second + 1) == string::npos) {
        const char* s = line.c_str();
        if (!DecodeUTF8RunesInString(s, first, node_info.word))
          XLOG(ERROR) << "UTF-8 decode failed for dict word: " << line.substr(0, first);
        node_info.weight = atof(s + first + 1);  // stops at the space, as atof of the field does
        node_info.tag.assign(s + second + 1, line.size() - second - 1);
        static_node_infos_.push_back(node_info);
        continue;
      }
      Split(line, buf, " ");
      XCHECK(buf.size() == DICT_COLUMN_NUM) << "split result illegal, line:" << line;
      MakeNodeInfo(node_info, 
            buf[0], 
            atof(buf[1].c_str()), 
            buf[2]);
      static_node_infos_.push_back(node_info);
    }
  }

  static bool WeightCompare(const DictUnit& lhs, const DictUnit& rhs) {
    return lhs.weight < rhs.weight;
  }

  void SetStaticWordWeights(UserWordWeightOption option) {
    XCHECK(!static_node_infos_.empty());
    // The weights at positions 0, size / 2 and size - 1 of the words sorted by weight.
    vector<double> x(static_node_infos_.size());
    for (size_t i = 0; i < x.size(); i++) x[i] = static_node_infos_[i].weight;
    const auto extremes = minmax_element(x.begin(), x.end());
    min_weight_ = *extremes.first;
    max_weight_ = *extremes.second;
    nth_element(x.begin(), x.begin() + x.size() / 2, x.end());
    median_weight_ = x[x.size() / 2];
    switch (option) {
     case WordWeightMin:
       user_word_default_weight_ = min_weight_;
       break;
     case WordWeightMedian:
       user_word_default_weight_ = median_weight_;
       break;
     default:
       user_word_default_weight_ = max_weight_;
       break;
    }
  }

  double CalcFreqSum(const vector<DictUnit>& node_infos) const {
    double sum = 0.0;
    for (size_t i = 0; i < node_infos.size(); i++) {
      sum += node_infos[i].weight;
    }
    return sum;
  }

  void CalculateWeight(vector<DictUnit>& node_infos, double sum) const {
    assert(sum > 0.0);
    for (size_t i = 0; i < node_infos.size(); i++) {
      DictUnit& node_info = node_infos[i];
      assert(node_info.weight > 0.0);
      node_info.weight = log(double(node_info.weight)/sum);
    }
  }

  void Shrink(vector<DictUnit>& units) const {
    if (units.capacity() == units.size()) return;
    vector<DictUnit>(units.begin(), units.end()).swap(units);
  }

  // The lines getline reads from the file (those not empty when `skipEmpty`): 0 when unreadable.
  static size_t LineCount(const string& path, bool skipEmpty) {
    ifstream ifs(path.c_str(), ios::binary);
    size_t lines = 0;
    char previous = '\n';
    char chunk[1 << 16];
    while (ifs.read(chunk, sizeof chunk) || ifs.gcount() > 0) {
      const streamsize n = ifs.gcount();
      for (streamsize i = 0; i < n; i++) {
        if (chunk[i] == '\n' && !(skipEmpty && previous == '\n')) lines++;
        previous = chunk[i];
      }
    }
    if (previous != '\n') lines++;  // a last line with no newline
    return lines;
  }

  vector<DictUnit> static_node_infos_;
  deque<DictUnit> active_node_infos_; // must not be vector
  ArrayTrie * trie_;

  double freq_sum_;
  double min_weight_;
  double max_weight_;
  double median_weight_;
  double user_word_default_weight_;
  unordered_set<Rune> user_dict_single_chinese_word_;
};
}

#endif

// cppjieba's license, whose notice goes with this copy of its code:
// The MIT License (MIT)
//
// Copyright (c) 2013
//
// Permission is hereby granted, free of charge, to any person obtaining a copy of
// this software and associated documentation files (the "Software"), to deal in
// the Software without restriction, including without limitation the rights to
// use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
// the Software, and to permit persons to whom the Software is furnished to do so,
// subject to the following conditions:
//
// The above copyright notice and this permission notice shall be included in all
// copies or substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
// IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
// FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
// COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
// IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
// CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
