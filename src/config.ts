/**
 * Environment to validated, typed settings. `.env` is read without overriding variables that are
 * already set, so a shell or CI setting always wins.
 */
import path from 'node:path';
import dotenv from 'dotenv';

export interface Config {
  /** Telegram bot token; without it `npm start` runs the terminal chat. */
  botToken: string | undefined;
  /** Bot API root, no trailing slash (a local Bot API server or a test stand-in). */
  telegramApiRoot: string | undefined;
  corpusDir: string;
  indexFile: string;
  /** SQLite file for subscriptions and delivery state. */
  databaseFile: string;
  /** Telegram user ids allowed /stats and /reload. */
  adminIds: number[];
  /** pino level: fatal, error, warn, info, debug, trace or silent. */
  logLevel: string;
}

/** Thrown for a setting that is present but wrong; the message names it. */
export class ConfigError extends Error {}

let dotenvLoaded = false;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** Reads settings from `env` (default: process.env, after loading `.env` once). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  if (env === process.env && !dotenvLoaded) {
    dotenv.config({ override: false, quiet: true });
    dotenvLoaded = true;
  }
  const text = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const apiRoot = text('TELEGRAM_API_ROOT');
  if (apiRoot && !/^https?:\/\/[^\s]+$/.test(apiRoot)) {
    throw new ConfigError('TELEGRAM_API_ROOT must be an http(s) URL such as http://127.0.0.1:8081');
  }
  const token = text('BOT_TOKEN');
  if (token && !/^\d+:[\w-]{20,}$/.test(token)) {
    throw new ConfigError('BOT_TOKEN does not look like a bot token (digits, a colon, then the secret)');
  }
  const corpusDir = path.resolve(text('CORPUS_DIR') ?? 'seeds');
  const adminText = text('ADMIN_IDS') ?? '';
  const adminIds = adminText
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((id) => {
      if (!/^\d+$/.test(id))
        throw new ConfigError(`ADMIN_IDS must be Telegram user ids separated by commas; got "${id}"`);
      return Number(id);
    });
  const logLevel = text('LOG_LEVEL') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}`);
  return {
    botToken: token,
    telegramApiRoot: apiRoot?.replace(/\/+$/, ''),
    corpusDir,
    indexFile: path.resolve(text('INDEX_FILE') ?? path.join('.cache', 'index.bin')),
    databaseFile: path.resolve(text('DATABASE_FILE') ?? path.join('data', 'bot.db')),
    adminIds,
    logLevel,
  };
}
