/**
 * The README and .env.example cannot drift from the code: every setting of src/config.ts is in both,
 * with the default the code really has; the README stays short; and its example reply is what the
 * terminal chat prints for its question (the real program, from the run's built copy).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.ts';
import { programCommand } from './support/processes.ts';

const readme = fs.readFileSync('README.md', 'utf8');
const envExample = fs.readFileSync('.env.example', 'utf8');

/** The settings the code reads: the keys of the environment schema in src/config.ts. */
function settingNames(): string[] {
  const source = fs.readFileSync('src/config.ts', 'utf8');
  const schema = source.split('const EnvSchema = z.object({')[1]?.split('\n});')[0];
  if (!schema) throw new Error('src/config.ts has no EnvSchema object');
  return [...schema.matchAll(/^ {2}([A-Z][A-Z0-9_]*):/gm)].map((m) => m[1]!);
}

/** A value the code accepts for each setting, to see which part of the settings it decides. */
const EXAMPLES: Record<string, string> = {
  BOT_TOKEN: '123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  TELEGRAM_API_ROOT: 'http://127.0.0.1:8081',
  CORPUS_DIR: 'elsewhere',
  INDEX_FILE: 'elsewhere/index.bin',
  DATABASE_FILE: 'elsewhere/bot.db',
  ADMIN_IDS: '42',
  LOG_LEVEL: 'debug',
  WEBHOOK_URL: 'https://bot.example.com/telegram',
  PUBLIC_URL: 'https://bot.example.com',
  WEBHOOK_SECRET: 'secret',
  PORT: '8081',
  HOST: '127.0.0.1',
  DATABASE_URL: 'postgres://bot:pw@db:5432/news',
  CLAIM_LEASE_SECONDS: '45',
};

/** The default a document states: '' for none. */
function readmeDefault(name: string): string | undefined {
  const row = readme.split('\n').find((line) => line.startsWith(`| \`${name}\` |`));
  const cell = row?.split('|')[2]?.trim();
  if (cell === undefined) return undefined;
  return cell === '(none)' ? '' : cell.replace(/^`(.*)`$/, '$1');
}
const envDefault = (name: string) => envExample.match(new RegExp(`^${name}=(.*)$`, 'm'))?.[1]?.trim();

describe('settings', () => {
  const names = settingNames();

  it('reads the settings of config.ts', () => {
    expect(names).toContain('BOT_TOKEN');
    expect(names).toContain('INDEX_FILE');
    expect(names.length).toBeGreaterThanOrEqual(13);
  });

  it.each(names)('%s is in the README and .env.example with the same default', (name) => {
    const stated = readmeDefault(name);
    expect(stated, `README.md has no row for ${name}`).toBeDefined();
    expect(envDefault(name), `.env.example has no line ${name}=…`).toBe(stated);
  });

  it.each(names)('%s: the default stated is the one the code has', (name) => {
    const stated = readmeDefault(name) ?? '';
    const unset = loadConfig({});
    const example = EXAMPLES[name];
    expect(example, `an example value for ${name} in this test`).toBeDefined();
    // The fields the setting decides: those an example value changes.
    const given = loadConfig({ [name]: example });
    const fields = (Object.keys(unset) as (keyof typeof unset)[]).filter(
      (key) => JSON.stringify(given[key]) !== JSON.stringify(unset[key]),
    );
    expect(fields.length, `${name} changes no setting`).toBeGreaterThan(0);
    if (stated === '') {
      for (const key of fields)
        expect([undefined, '[]']).toContain(unset[key] === undefined ? undefined : JSON.stringify(unset[key]));
    } else {
      expect(loadConfig({ [name]: stated })).toEqual(unset);
    }
  });
});

describe('README', () => {
  it('stays short: at most 150 lines, the rest in docs/', () => {
    expect(readme.trimEnd().split('\n').length).toBeLessThanOrEqual(150);
  });

  it('shows the reply the terminal chat prints for its example question', () => {
    const block = readme.split('```console\n')[1]?.split('```')[0];
    if (!block) throw new Error('README.md has no ```console example');
    const [command, ...shown] = block.trimEnd().split('\n');
    const question = command?.match(/^\$ echo (\S+) \| npm run -s chat$/)?.[1];
    if (!question) throw new Error(`the example's command is not "$ echo 问题 | npm run -s chat": ${command}`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docs-test-'));
    try {
      const chat = spawnSync(process.execPath, programCommand('main'), {
        input: `${question}\n`,
        encoding: 'utf8',
        env: { ...process.env, BOT_TOKEN: '', CORPUS_DIR: 'seeds', INDEX_FILE: path.join(dir, 'index.bin') },
      });
      expect(chat.status).toBe(0);
      const printed = chat.stdout
        .trimEnd()
        .split('\n')
        .map((line) => line.trimEnd());
      expect(shown.map((line) => line.trimEnd())).toEqual(printed);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
