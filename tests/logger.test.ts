import { describe, expect, it } from 'vitest';
import { createCliLogger, createLogger } from '../src/logger.ts';

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

  it('masks the token in child loggers too, which name their module', () => {
    const { logger, lines } = capture('info');
    logger.child({ module: 'bot' }).warn({ reason: `GET /bot${TOKEN}/getMe refused` }, `bot${TOKEN} unreachable`);
    expect(JSON.parse(lines[0]!)).toMatchObject({ module: 'bot', level: 'warn' });
    expect(lines.join('\n')).not.toContain('SECRET-abcdefghijklmnopqrstuvwxyz');
  });

  it('gives the command-line tools one readable line per message', () => {
    const out: string[] = [];
    const logger = createCliLogger('warn', { write: (s: string) => out.push(s) });
    logger.info('not shown');
    logger.warn('skipped a.txt: binary content');
    logger.error('could not save');
    expect(out).toEqual(['warning: skipped a.txt: binary content\n', 'error: could not save\n']);
  });
});
