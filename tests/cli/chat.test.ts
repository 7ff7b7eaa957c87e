import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startApp } from '../support/processes.ts';

describe('the program without a token', () => {
  it('chats in the terminal: says so, answers each line of standard input, and exits at its end', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chat-'));
    const app = startApp({ BOT_TOKEN: '', CORPUS_DIR: 'seeds', INDEX_FILE: path.join(dir, 'index.json') });
    app.child.stdin!.end('/latest 2\n#1\n唐闸古镇常住人口有多少\n如何办理出国护照\n');
    const code = await app.exited;
    const out = app.output();
    expect(code).toBe(0);
    expect(out.split('\n')[0]).toContain('终端聊天');
    expect(out).toContain('🗞 最新报道');
    expect(out).toContain('记者'); // the article opened by pressing #1
    expect(out).toContain('常住人口近6万人');
    expect(out).toContain('没有在报道中找到');
    expect(out).not.toMatch(/<\/?b>|&amp;/); // HTML rendered as plain text
  }, 90_000);
});
