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
  /** Public HTTPS URL Telegram posts updates to; set: webhook mode instead of long polling. */
  webhookUrl: string | undefined;
  /** Secret Telegram sends with each update; when unset, derived from the token. Never logged. */
  webhookSecret: string | undefined;
  /** HTTP port for the webhook and /healthz, /readyz, /metrics (webhook mode: 8080 unless set). */
  port: number | undefined;
  /** Address the HTTP server listens on (default: every interface). */
  host: string | undefined;
  /** PostgreSQL URL; set: shared state lives there instead of DATABASE_FILE. Never logged whole. */
  databaseUrl: string | undefined;
  /** How long an instance's claim on a notification batch or an announcement lasts. */
  claimLeaseMs: number;
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
  const webhookUrl = text('WEBHOOK_URL');
  if (webhookUrl && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(webhookUrl))
    throw new ConfigError(
      'WEBHOOK_URL must be the public https URL Telegram posts to, such as https://bot.example.com/telegram',
    );
  const webhookSecret = text('WEBHOOK_SECRET');
  if (webhookSecret && !/^[A-Za-z0-9_-]{1,256}$/.test(webhookSecret))
    throw new ConfigError('WEBHOOK_SECRET must be 1–256 characters: letters, digits, _ and -');
  const portText = text('PORT');
  if (portText && !(/^\d+$/.test(portText) && Number(portText) <= 65535))
    throw new ConfigError(`PORT must be a port number (0–65535); got "${portText}"`);
  const databaseUrl = text('DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new ConfigError('DATABASE_URL must be a PostgreSQL URL: postgres://user:password@host:5432/database');
  const leaseText = text('CLAIM_LEASE_SECONDS') ?? '30';
  if (!/^\d+(\.\d+)?$/.test(leaseText) || Number(leaseText) < 1)
    throw new ConfigError('CLAIM_LEASE_SECONDS must be a number of seconds, at least 1');
  return {
    botToken: token,
    telegramApiRoot: apiRoot?.replace(/\/+$/, ''),
    corpusDir,
    indexFile: path.resolve(text('INDEX_FILE') ?? path.join('.cache', 'index.bin')),
    databaseFile: path.resolve(text('DATABASE_FILE') ?? path.join('data', 'bot.db')),
    adminIds,
    logLevel,
    webhookUrl,
    webhookSecret,
    port: portText ? Number(portText) : webhookUrl ? 8080 : undefined,
    host: text('HOST'),
    databaseUrl,
    claimLeaseMs: Number(leaseText) * 1000,
  };
}
