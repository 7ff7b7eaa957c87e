import { describe, expect, it } from 'vitest';
import { asPrintedIn } from '../../src/corpus/as-printed.ts';
import { readingForm } from '../../src/text/normalize.ts';

describe('asPrintedIn', () => {
  const printed = '博物苑北館區對外開放\n本報訊 ５月16日，北館區建成開放，\n新增展陳面積1.2萬平方米。';
  const reading = readingForm(printed);
  const asPrinted = asPrintedIn(reading, printed);

  it('gives a string read out of the reading form as printed', () => {
    expect(reading).not.toBe(printed);
    expect(asPrinted('博物苑北馆区对外开放')).toBe('博物苑北館區對外開放');
    expect(asPrinted('本报讯 5月16日')).toBe('本報訊 ５月16日');
  });

  it('gives a string joined from two lines piece by piece', () => {
    expect(asPrinted('北馆区建成开放，新增展陈面积1.2万平方米。')).toBe('北館區建成開放，新增展陳面積1.2萬平方米。');
  });

  it('keeps a character that stands nowhere in the text as it was read', () => {
    expect(asPrinted('北馆区★')).toBe('北館區★');
  });

  it('is the identity when the text reads as printed', () => {
    const same = asPrintedIn('崇川新闻', '崇川新闻');
    expect(same('任何文字')).toBe('任何文字');
  });
});
