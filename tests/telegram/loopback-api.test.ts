import { afterAll, describe, expect, it } from 'vitest';
import { isValidTelegramHtml, refusalOf } from '../../src/telegram/bot-api-rules.ts';
import { MESSAGE_LIMIT } from '../../src/telegram/limits.ts';
import { LoopbackBotApi } from '../../src/telegram/loopback-api.ts';

describe('the loopback stand-in refuses what Telegram refuses', () => {
  const api = new LoopbackBotApi();
  // Stopped: the files of the unit project share a process, which must not keep it listening.
  afterAll(() => api.stop());

  it('lone surrogates, broken HTML, and text past 4096 characters', async () => {
    const root = await api.start();
    const post = (payload: object) =>
      fetch(`${root}/bot1:x/sendMessage`, { method: 'POST', body: JSON.stringify(payload) }).then(
        async (r) => [r.status, ((await r.json()) as { description?: string }).description] as const,
      );
    expect(await post({ chat_id: 1, text: `半个${'😀'.slice(0, 1)}` })).toEqual([
      400,
      'Bad Request: strings must be encoded in UTF-8',
    ]);
    expect((await post({ chat_id: 1, text: '<b>a', parse_mode: 'HTML' }))[0]).toBe(400);
    expect(await post({ chat_id: 1, text: 'x'.repeat(MESSAGE_LIMIT + 1) })).toEqual([
      400,
      'Bad Request: message is too long',
    ]);
    expect(await post({ chat_id: 1, text: `ok 😀 <b>${'x'.repeat(4000)}</b>`, parse_mode: 'HTML' })).toEqual([
      200,
      undefined,
    ]);
  });

  it('tells valid Telegram HTML from broken', () => {
    expect(isValidTelegramHtml('<b>a</b> &amp; <i>b</i> &#128512;')).toBe(true);
    expect(isValidTelegramHtml('<b>a</i>')).toBe(false);
    expect(isValidTelegramHtml('<b>a')).toBe(false);
    expect(isValidTelegramHtml('a < b')).toBe(false);
    expect(isValidTelegramHtml('a & b')).toBe(false);
    expect(isValidTelegramHtml('<script>x</script>')).toBe(false);
    expect(refusalOf('answerCallbackQuery', { text: '长'.repeat(201) })).toBe('Bad Request: MESSAGE_TOO_LONG');
  });
});
