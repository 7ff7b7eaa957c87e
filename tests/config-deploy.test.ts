import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('deployment settings', () => {
  it('defaults to long polling, SQLite and no HTTP server', () => {
    const c = loadConfig({});
    expect(c.webhookUrl).toBeUndefined();
    expect(c.port).toBeUndefined();
    expect(c.databaseUrl).toBeUndefined();
    expect(c.claimLeaseMs).toBe(30_000);
  });

  it('serves on 8080 in webhook mode unless PORT says otherwise', () => {
    expect(loadConfig({ WEBHOOK_URL: 'https://bot.example.com/telegram' }).port).toBe(8080);
    const c = loadConfig({
      WEBHOOK_URL: 'https://bot.example.com/telegram',
      WEBHOOK_SECRET: 'abc_DEF-123',
      PORT: '9000',
      DATABASE_URL: 'postgres://bot:pw@db:5432/news',
      CLAIM_LEASE_SECONDS: '5',
    });
    expect([c.port, c.webhookSecret, c.databaseUrl, c.claimLeaseMs]).toEqual([
      9000,
      'abc_DEF-123',
      'postgres://bot:pw@db:5432/news',
      5000,
    ]);
  });

  it('names the setting that is wrong, without echoing secrets', () => {
    expect(() => loadConfig({ WEBHOOK_URL: 'bot.example.com' })).toThrow(/WEBHOOK_URL/);
    expect(() => loadConfig({ WEBHOOK_SECRET: 'has spaces secret' })).toThrow(ConfigError);
    expect(() => loadConfig({ WEBHOOK_SECRET: 'has spaces secret' })).not.toThrow(/has spaces/);
    expect(() => loadConfig({ PORT: '70000' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x:secretpw@h/db' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x:secretpw@h/db' })).not.toThrow(/secretpw/);
    expect(() => loadConfig({ CLAIM_LEASE_SECONDS: '0' })).toThrow(/CLAIM_LEASE_SECONDS/);
  });
});
