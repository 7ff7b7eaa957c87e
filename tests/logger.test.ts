import { describe, expect, it } from 'vitest';
import { createLogger } from '../src/logger.ts';

const TOKEN = '123456:SECRET-abcdefghijklmnopqrstuvwxyz';

function capture(level: string) {
  const lines: string[] = [];
  const logger = createLogger(level, [TOKEN], { write: (s: string) => void lines.push(s) });
  return { logger, lines };
}

describe('createLogger', () => {
  it('writes JSON lines at the chosen level and above', () => {
    const { logger, lines } = capture('warn');
    logger.info('not shown');
    logger.warn({ chatId: 1 }, 'shown');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'warn', chatId: 1, msg: 'shown' });
  });

  it('masks the token wherever it appears', () => {
    const { logger, lines } = capture('info');
    logger.info(`GET https://api.telegram.org/bot${TOKEN}/getMe failed`);
    logger.info({ token: TOKEN }, 'config');
    expect(lines.join('\n')).not.toContain('SECRET-abcdefghijklmnopqrstuvwxyz');
    expect(lines.join('\n')).toContain('[redacted]');
  });
});
