import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/text/normalize.ts';
import { onlyAcrossWords, segment, wordSpansJunction } from '../../src/text/segment.ts';

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
