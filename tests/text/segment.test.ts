import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { userDictionaryText } from '../../src/retrieval/question/dictionary.ts';
import { jieba } from '../../src/text/jieba.ts';
import { normalize } from '../../src/text/normalize.ts';
import {
  cutHan,
  dictionaryVersion,
  loadDictionary,
  onlyAcrossWords,
  segment,
  useDefaultDictionary,
  wordSpansJunction,
} from '../../src/text/segment.ts';

const words = (text: string) => segment(normalize(text)).map((t) => t.text);

describe('segment', () => {
  it('keeps numbers with their units whole', () => {
    expect(words('受益居民突破12000户')).toContain('12000户');
    expect(words('分别增长13.1%、10.5%')).toEqual(expect.arrayContaining(['13.1%', '10.5%']));
    expect(words('一般公共预算收入69.3亿元')).toContain('69.3亿元');
    expect(words('2023年全区')).toContain('2023年');
  });

  it('keeps Latin words whole, lower-cased', () => {
    expect(words('地区GDP增长')).toContain('gdp');
    expect(words('集MIM零组件')).toContain('mim');
  });

  it('reports where each token starts', () => {
    const tokens = segment('崇川区召开会议');
    for (const t of tokens) expect('崇川区召开会议'.slice(t.start, t.start + t.text.length)).toBe(t.text);
  });

  it('tells a word read across two others from one inside a longer word', () => {
    expect(onlyAcrossWords('深化文明城市长效管理', '市长')).toBe(true);
    expect(onlyAcrossWords('崇川区召开会议', '崇川')).toBe(false);
    expect(onlyAcrossWords('城市长效管理，副市长出席', '市长')).toBe(false);
    // Two lone characters side by side: a name jieba does not know, cut apart, not two other words.
    expect(onlyAcrossWords('1月以来,寺西首批规划的8家快闪小店相继开张', '寺西')).toBe(false);
    // A word jieba's HMM guesses (家快) is no dictionary word the characters belong to.
    expect(onlyAcrossWords('1月以来,寺西首批规划的8家快闪小店相继开张', '快闪')).toBe(false);
  });

  it('sees a word cut by a page break', () => {
    expect(wordSpansJunction('批发配送、医', '疗器械于一体')).toBe(true);
    expect(wordSpansJunction('为社区防疫发挥网格智慧', '基层是疫情防控')).toBe(false);
  });
});

describe('normalize', () => {
  it('turns Traditional into Simplified, full-width into half-width, upper into lower case', () => {
    expect(normalize('國家安全教育日是第幾個')).toBe('国家安全教育日是第几个');
    expect(normalize('ＧＤＰ１３．１％')).toBe('gdp13.1%');
  });

  it('keeps the length, so positions carry over to the original text', () => {
    for (const s of ['崇川經濟開發區，ＡＢＣ', '乾隆年間的臺灣']) expect(normalize(s)).toHaveLength(s.length);
  });
});

describe("jieba's dictionaries, one copy per process", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dictionaries-'));
  const userDictionary = (name: string, words: string[]) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, userDictionaryText(words));
    return file;
  };
  // A company name jieba cuts apart unless a user dictionary holds it.
  const word = '博嘉生物';
  afterAll(() => useDefaultDictionary());

  it('are loaded again only for other words, wherever their file is', () => {
    useDefaultDictionary();
    expect(cutHan(word).length).toBeGreaterThan(1);
    loadDictionary(userDictionary('a.txt', [word]));
    const loaded = jieba.loadCount();
    expect(cutHan(word)).toEqual([word]);
    loadDictionary(userDictionary('b.txt', [word]));
    expect(jieba.loadCount()).toBe(loaded);
    loadDictionary(userDictionary('c.txt', [word, '唐闸古镇']));
    expect(jieba.loadCount()).toBe(loaded + 1);
    expect(cutHan(word)).toEqual([word]);
  });

  it('go back to the default ones when asked, loaded only when others are in place', () => {
    loadDictionary(userDictionary('d.txt', [word]));
    const loaded = jieba.loadCount();
    useDefaultDictionary();
    expect(cutHan(word).length).toBeGreaterThan(1);
    expect(jieba.loadCount()).toBe(loaded + 1);
    useDefaultDictionary();
    expect(dictionaryVersion()).toBe(loaded + 1);
    expect(cutHan(word).length).toBeGreaterThan(1);
  });

  it('are loaded again when jieba was loaded past this module', () => {
    const file = userDictionary('e.txt', [word]);
    loadDictionary(file);
    // A dictionary of a few words, loaded straight into jieba (quicker than any real one).
    const tiny = path.join(dir, 'tiny.utf8');
    fs.writeFileSync(tiny, '崇川 1000 ns\n生物 1000 n\n');
    jieba.load(tiny);
    expect(jieba.cut(word, true)).not.toEqual([word]);
    loadDictionary(file);
    expect(cutHan(word)).toEqual([word]);
  });
});
