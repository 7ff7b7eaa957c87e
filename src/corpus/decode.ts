/**
 * Bytes of an issue file to text: UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030/GBK;
 * CRLF and CR line ends become LF.
 */

/** Why a file could not be read as an issue. */
export class UnreadableIssueError extends Error {}

function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return control > n * 0.05;
}

/** Decodes an issue file's bytes; throws UnreadableIssueError for empty or binary content. */
export function decodeIssue(bytes: Uint8Array): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  else {
    if (looksBinary(bytes)) throw new UnreadableIssueError('binary content');
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
      // GB18030 decodes any byte soup; too many replacement characters means it was not text.
      const bad = (text.match(/\uFFFD/g) ?? []).length;
      if (bad > text.length * 0.01) throw new UnreadableIssueError('neither UTF-8 nor GB18030 text');
    }
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (!/[^\s]/u.test(text)) throw new UnreadableIssueError('empty');
  if (!/\p{Script=Han}/u.test(text)) throw new UnreadableIssueError('no Chinese text');
  return text;
}
