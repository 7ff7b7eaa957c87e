/**
 * Starting `npm start` as a real process for end-to-end tests. npm runs the bot as a child, so
 * the whole process group is signalled: a SIGKILL to npm alone would leave the bot running.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
  /** Signals npm and the bot under it. */
  kill: (signal: NodeJS.Signals) => void;
  /** Resolves once no process of the group is left. */
  gone: () => Promise<void>;
}

export function startApp(env: Record<string, string>, args: string[] = ['start', '--silent']): Started {
  let out = '';
  const child = spawn('npm', args, {
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
