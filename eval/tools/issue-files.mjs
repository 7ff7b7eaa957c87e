// The issue files of an evaluation set as the set checker reads them, with no project code: decoded by
// the signs the reader accepts, split into lines, and their headline blocks found.
import fs from 'node:fs';
import path from 'node:path';

// Issues come as UTF-8 (with or without a BOM), UTF-16 with a BOM, or GBK/GB18030 (GB18030 reads GBK).
export function decode(buf) {
  if (buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(buf);
  }
}

// A headline-block line: short, not a sentence, not a byline or caption. Markdown marks are dropped.
function titleText(line) {
  const t = line.trim().replace(/^#+\s*/, '').replace(/\*\*/g, '').trim();
  if (!t || t.length > 40) return null;
  if (/[。！？；，,]$/.test(t)) return null;
  if (/^[·▼!（(]|^本报/.test(t) || /·$/.test(t)) return null;
  return t;
}

// Blocks of title lines separated only by blank lines, with their line numbers.
export function headlineBlocks(lines) {
  const blocks = [];
  let cur = null;
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const t = titleText(line);
    if (t === null) {
      cur = null;
      return;
    }
    if (!cur) {
      cur = { first: i, last: i, text: [] };
      blocks.push(cur);
    }
    cur.last = i;
    cur.text.push(t);
  });
  return blocks;
}

// Every file of the folders, in name order: { dir, name, stem, lines, blocks }.
export function readIssues(dirs) {
  const files = [];
  for (const dir of dirs) {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (!fs.statSync(full).isFile()) continue;
      const lines = decode(fs.readFileSync(full)).replace(/\r\n?/g, '\n').split('\n');
      files.push({ dir, name, stem: name.replace(/\.[^.]+$/, ''), lines, blocks: headlineBlocks(lines) });
    }
  }
  return files;
}
