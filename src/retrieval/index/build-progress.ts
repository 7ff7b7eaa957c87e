/**
 * Progress of a long index build (thousands of issues take minutes): on a terminal a line
 * redrawn a few times a second, otherwise one log line every few seconds, each with how far the
 * step is and, once it has run a while, an estimate of what is left at the pace so far.
 */
import type { Logger } from '../../logger.ts';

/** A step's progress as one line: 「indexing passages 30000/168480, about 1 min 20 s left」. */
export function progressLine(step: string, done: number, total: number, elapsedMs: number): string {
  const head = `${step} ${done}/${total}`;
  // Too early (or nothing done yet) for the pace to mean anything.
  if (done <= 0 || done >= total || elapsedMs < 2000) return head;
  const leftS = Math.round(((total - done) * elapsedMs) / done / 1000);
  const left = leftS >= 60 ? `${Math.floor(leftS / 60)} min ${leftS % 60} s` : `${leftS} s`;
  return `${head}, about ${left} left`;
}

/** How often a line is shown: a terminal redraws it in place; a log gets one now and then. */
const TERMINAL_MS = 200;
const LOG_MS = 5000;

export type ProgressReport = (step: string, done: number, total: number) => void;

/**
 * A reporter of steps' progress: to `onProgress` (a terminal) at most every 200 ms, else to
 * `logger` at info level at most every 5 s; none when neither is given. `now` is the clock.
 */
export function progressReporter(
  { onProgress, logger }: { onProgress?: (line: string) => void; logger?: Logger },
  now: () => number = () => performance.now(),
): ProgressReport | undefined {
  const show = onProgress ?? (logger && ((line: string) => logger.info(line)));
  if (!show) return undefined;
  const every = onProgress ? TERMINAL_MS : LOG_MS;
  let step = '';
  let started = 0;
  let shown = -Infinity;
  return (name, done, total) => {
    const t = now();
    if (name !== step) {
      step = name;
      started = t;
    } else if (t - shown < every && done < total) return;
    shown = t;
    show(progressLine(name, done, total, t - started));
  };
}
