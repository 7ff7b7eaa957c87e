/**
 * Starting the program as a real process for end-to-end tests, as production starts it
 * (`node dist/main.js`, the `start` script's flags) but from the run's built copy of the project
 * (see built-copy.ts), in the working tree's folder so that relative settings (CORPUS_DIR=seeds)
 * read the same files. The process gets a group of its own, which is signalled whole.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { inject } from 'vitest';

export interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Signals the program. */
  kill: (signal: NodeJS.Signals) => void;
  /** Resolves once no process of the group is left. */
  gone: () => Promise<void>;
}

/** A program of the built copy: `main` (the bot) or `cli/NAME`, with node's arguments. */
export function programCommand(program = 'main'): string[] {
  return ['--expose-gc', '--max-semi-space-size=8', path.join(inject('builtProject'), 'dist', `${program}.js`)];
}

export function startApp(env: Record<string, string>): Started {
  let out = '';
  const child = spawn(process.execPath, programCommand(), {
    env: { ...process.env, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
    detached: true,
  });
  child.stdout!.on('data', (d) => (out += String(d)));
  child.stderr!.on('data', (d) => (out += String(d)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const kill = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // already gone
    }
  };
  const gone = async () => {
    for (;;) {
      try {
        process.kill(-child.pid!, 0);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  return { child, output: () => out, exited, kill, gone };
}
