/**
 * The program the end-to-end tests start (vitest globalSetup of the end-to-end project): a copy of
 * the project's sources, built once for the run in a folder of its own, as `npm install` builds
 * it. The tests never run, build or replace the working tree's own dist/, so a run cannot change
 * what `npm start` there starts, and always tests the sources as they are.
 * Tests get the copy's folder through `inject('builtProject')` (see processes.ts).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    builtProject: string;
  }
}

/** What the build and the program read: the sources, the build script, the native binding. */
const COPIED = ['src', 'scripts', 'native', 'package.json', 'package-lock.json', 'tsconfig.json'];

export default function setup(project: TestProject): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'test-build-'));
  for (const entry of COPIED) fs.cpSync(entry, path.join(dir, entry), { recursive: true });
  fs.symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'));
  const built = spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: dir, encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`could not build the copy of the project: ${built.stderr}`);
  project.provide('builtProject', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
