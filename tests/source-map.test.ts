/**
 * The source map (docs/source-map.md) cannot drift from the tree: every module under src/ is named in the
 * entry of its top-level folder, and every folder the map names exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function sourceMap(): Map<string, string> {
  const doc = fs.readFileSync('docs/source-map.md', 'utf8');
  const block = doc.split('```')[1];
  if (!block) throw new Error('docs/source-map.md has no code block');
  // An entry starts at a line beginning with a path; indented lines continue it.
  const entries = new Map<string, string>();
  let current = '';
  for (const line of block.split('\n')) {
    const head = line.match(/^(\S+)\s*(.*)$/);
    if (head) {
      current = head[1]!;
      entries.set(current, head[2]!);
    } else if (current) entries.set(current, `${entries.get(current)} ${line.trim()}`);
  }
  return entries;
}

function modules(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    return e.isDirectory() ? modules(full) : [full];
  });
}

describe('the source map', () => {
  const map = sourceMap();

  it('names every module under src/ in its folder entry', () => {
    const missing = modules('src').filter((file) => {
      const parts = path.relative('src', file).split(path.sep);
      const key = parts.length === 1 ? `src/${parts[0]}` : `src/${parts[0]}/`;
      const name = path.basename(file).replace(/\.[^.]+$/, '');
      const entry = map.get(key);
      return entry === undefined || (parts.length > 1 && !new RegExp(`(^|[^\\w-])${name}([^\\w-]|$)`).test(entry));
    });
    expect(missing).toEqual([]);
  });

  it('names only folders and files that exist', () => {
    expect([...map.keys()].filter((p) => !fs.existsSync(p))).toEqual([]);
  });
});
