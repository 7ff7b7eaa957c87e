/** The service's process-wide guard: a promise rejected with nobody to handle it is one log line, not an exit. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('unhandled rejections', () => {
  it('are logged in one line and the process carries on', () => {
    const script = `
      const { guardUnhandledRejections } = await import('./src/server/bot-service.ts');
      const { createLogger } = await import('./src/logger.ts');
      guardUnhandledRejections(createLogger('info'));
      Promise.reject(new Error('a late failure nobody awaited'));
      setTimeout(() => { console.log('still running'); process.exit(0); }, 300);
    `;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout.trim()).toBe('still running');
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    const line = JSON.parse(lines[0]!) as { level: string; msg: string; err: string };
    expect(line.level).toBe('error');
    expect(line.err).toBe('Error: a late failure nobody awaited');
  }, 60_000);
});
