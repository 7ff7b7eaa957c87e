/**
 * Writing a file so that a process killed at any moment leaves either the old file or the new
 * one, never half of one: the content goes to a temporary file beside it, which is renamed over
 * the target. Temporary files that a killed process left behind are removed on the next write of
 * the same target. (No fsync: the files written this way are caches, checked when read.)
 */
import fs from 'node:fs';
import path from 'node:path';

/** The content, or a function that writes it piece by piece (a large file never held as one string). */
export type Content = string | ((write: (chunk: string) => void) => void);

/** Whether a process of that id still runs (one of another user's counts). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes `<name>.<pid>.tmp` files of the target whose writing process is gone. */
function removeLeftovers(file: string): void {
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.`;
  for (const name of fs.readdirSync(dir)) {
    const pid = name.startsWith(prefix) && name.endsWith('.tmp') ? Number(name.slice(prefix.length, -4)) : NaN;
    if (Number.isInteger(pid) && pid !== process.pid && !processIsAlive(pid))
      fs.rmSync(path.join(dir, name), { force: true });
  }
}

export function writeFileAtomically(file: string, content: Content): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  removeLeftovers(file);
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    if (typeof content === 'string') fs.writeSync(fd, content);
    else content((chunk) => fs.writeSync(fd, chunk));
  } catch (err) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw err;
  }
  fs.closeSync(fd);
  fs.renameSync(tmp, file);
}
