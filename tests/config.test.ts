import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('loadConfig', () => {
  it('fills defaults', () => {
    const c = loadConfig({});
    expect(c.botToken).toBeUndefined();
    expect(c.corpusDir).toBe(path.resolve('seeds'));
    expect(c.indexFile).toBe(path.resolve('.cache/index.bin'));
    expect(c.databaseFile).toBe(path.resolve('data/bot.db'));
    expect(c.adminIds).toEqual([]);
    expect(c.logLevel).toBe('info');
  });

  it('reads and checks every setting', () => {
    const c = loadConfig({
      BOT_TOKEN: '123:abcdefghijklmnopqrstuvwxyz',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/',
      ADMIN_IDS: '1, 22,333',
      LOG_LEVEL: 'debug',
    });
    expect(c.telegramApiRoot).toBe('http://127.0.0.1:8081');
    expect(c.adminIds).toEqual([1, 22, 333]);
    expect(c.logLevel).toBe('debug');
  });

  it('reads PUBLIC_URL as an origin without its trailing slash, and refuses one with a path', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: 'https://news.example.com/' }).publicUrl).toBe('https://news.example.com');
    expect(() => loadConfig({ PUBLIC_URL: 'https://news.example.com/pages' })).toThrow(/PUBLIC_URL .*no path/);
    expect(() => loadConfig({ PUBLIC_URL: 'news.example.com' })).toThrow(/PUBLIC_URL/);
  });

  it('names the setting that is wrong, without echoing a token', () => {
    expect(() => loadConfig({ BOT_TOKEN: 'not-a-token' })).toThrow(ConfigError);
    expect(() => loadConfig({ BOT_TOKEN: 'not-a-token' })).toThrow(/BOT_TOKEN/);
    expect(() => loadConfig({ BOT_TOKEN: 'not-a-token' })).not.toThrow(/not-a-token/);
    expect(() => loadConfig({ TELEGRAM_API_ROOT: 'ftp://x' })).toThrow(/TELEGRAM_API_ROOT/);
    expect(() => loadConfig({ ADMIN_IDS: '12,bob' })).toThrow(/ADMIN_IDS/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
  });

  it('says what a wrong setting should be, every wrong setting at once', () => {
    expect(() => loadConfig({ ADMIN_IDS: '12,bob', LOG_LEVEL: 'loud', TELEGRAM_API_ROOT: ' ' })).toThrow(
      'ADMIN_IDS must be Telegram user ids separated by commas; got "bob"; ' +
        'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
    );
    expect(() => loadConfig({ TELEGRAM_API_ROOT: 'api.telegram.org' })).toThrow(
      'TELEGRAM_API_ROOT must be an http(s) URL such as http://127.0.0.1:8081',
    );
  });

  it('takes .env for what the environment does not set, never over it', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dotenv-'));
    fs.writeFileSync(path.join(dir, '.env'), 'CORPUS_DIR=from-file\nINDEX_FILE=from-file.json\n');
    const script = `import(${JSON.stringify(path.resolve('src/config.ts'))}).then((m) => console.log(JSON.stringify(m.loadConfig())))`;
    const env: NodeJS.ProcessEnv = { ...process.env, CORPUS_DIR: 'from-env' };
    delete env.INDEX_FILE;
    const tsx = pathToFileURL(path.resolve('node_modules/tsx/dist/loader.mjs')).href;
    const run = spawnSync(process.execPath, ['--import', tsx, '--eval', script], { cwd: dir, encoding: 'utf8', env });
    const config = JSON.parse(run.stdout) as { corpusDir: string; indexFile: string };
    expect(config.corpusDir).toBe(path.join(fs.realpathSync(dir), 'from-env'));
    expect(config.indexFile).toBe(path.join(fs.realpathSync(dir), 'from-file.json'));
  });
});
