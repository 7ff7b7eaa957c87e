import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomically } from '../src/atomic-write.ts';

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'atomic-'));

describe('writeFileAtomically', () => {
  it('writes a string or pieces, creating the folder, and leaves no temporary file', () => {
    const dir = tempDir();
    const file = path.join(dir, 'sub', 'index.json');
    writeFileAtomically(file, '{"a":1}');
    expect(fs.readFileSync(file, 'utf8')).toBe('{"a":1}');
    writeFileAtomically(file, (write) => ['{"b"', ':', '2}'].forEach(write));
    expect(fs.readFileSync(file, 'utf8')).toBe('{"b":2}');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['index.json']);
  });

  it('keeps the old file when writing fails part-way', () => {
    const file = path.join(tempDir(), 'index.json');
    writeFileAtomically(file, 'old');
    expect(() =>
      writeFileAtomically(file, (write) => {
        write('half');
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(fs.readFileSync(file, 'utf8')).toBe('old');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['index.json']);
  });

  it("removes what a killed writer left behind, not a live writer's file", () => {
    const dir = tempDir();
    const file = path.join(dir, 'index.json');
    const dead = spawnSync(process.execPath, ['-e', 'process.pid']).pid!;
    fs.writeFileSync(`${file}.${dead}.tmp`, 'half');
    fs.writeFileSync(`${file}.1.tmp`, 'being written by pid 1');
    fs.writeFileSync(path.join(dir, 'other.json.999999.tmp'), 'not ours');
    writeFileAtomically(file, 'new');
    expect(fs.readdirSync(dir).sort()).toEqual(['index.json', 'index.json.1.tmp', 'other.json.999999.tmp']);
  });
});
