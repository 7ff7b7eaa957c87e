/**
 * Saving the index after the live corpus changed it, off the bot's thread. Serializing the index
 * of a decade of issues takes seconds of one thread; a child process builds the same archive from
 * the files and writes the index file instead, on another core, while the bot answers from its
 * index kept current in place. One save runs at a time; changes during a save ask for one more.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./save-index-process.ts', import.meta.url));

export class BackgroundIndexSaver {
  private child?: ChildProcess;
  private again = false;
  private stopped = false;
  private waiting: (() => void)[] = [];

  constructor(
    private readonly corpusDir: string,
    private readonly indexFile: string,
    private readonly warn: (message: string) => void = () => {},
  ) {}

  /** Asks for the index file to be written from the corpus as it is now. */
  request(): void {
    if (this.stopped) return;
    if (this.child) this.again = true;
    else this.spawn();
  }

  /** Resolves once no save is running or asked for. */
  idle(): Promise<void> {
    return this.child ? new Promise((resolve) => this.waiting.push(resolve)) : Promise.resolve();
  }

  /** Stops a save in progress (the index file is written through a rename: never half written). */
  stop(): void {
    this.stopped = true;
    this.child?.kill('SIGTERM');
  }

  private spawn(): void {
    this.again = false;
    let errors = '';
    const child = fork(ENTRY, [this.corpusDir, this.indexFile], {
      execArgv: ['--expose-gc', '--import', import.meta.resolve('tsx')],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child = child;
    child.stderr!.on('data', (d) => {
      errors += String(d);
    });
    const done = (code: number | null, signal: NodeJS.Signals | null) => {
      if (this.child !== child) return;
      this.child = undefined;
      if (!this.stopped) {
        for (const line of errors.split('\n').filter(Boolean)) this.warn(line);
        if (code !== 0 && !errors) this.warn(`saving the index stopped (${signal ?? `exit code ${code}`})`);
      }
      if (this.again && !this.stopped) this.spawn();
      else for (const resolve of this.waiting.splice(0)) resolve();
    };
    child.on('exit', done);
    child.on('error', (err) => {
      errors += `could not start saving the index: ${err.message}\n`;
      done(null, null);
    });
  }
}
