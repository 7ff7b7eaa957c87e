/**
 * The benchmark's floor: read and decode every issue of a folder and segment its text with
 * nodejieba, and nothing else. Prints the milliseconds it took.
 */
import fs from 'node:fs';
import path from 'node:path';
import { decodeIssue } from '../../corpus/decode.ts';
import { listIssueFiles } from '../../corpus/load-corpus.ts';
import { segment } from '../../text/segment.ts';

const dir = process.argv[2] ?? 'seeds';
const started = performance.now();
let tokens = 0;
for (const name of listIssueFiles(dir)) {
  const text = decodeIssue(fs.readFileSync(path.join(dir, name)));
  for (const line of text.split('\n')) tokens += segment(line).length;
}
console.log(JSON.stringify({ ms: Math.round(performance.now() - started), tokens }));
