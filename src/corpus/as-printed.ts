/**
 * An issue is read in its reading form (src/text/normalize.ts `readingForm`: Simplified characters,
 * half-width digits), which has the same length as the text as printed. What the reader takes out of
 * it (headlines, paragraphs, captions) is shown as printed: each string is found in the reading form
 * and the same positions are taken from the printed text.
 */

/** A function from strings read out of `reading` to the same strings as `printed` prints them. */
export function asPrintedIn(reading: string, printed: string): (read: string) => string {
  if (reading === printed) return (read) => read;
  return (read) => {
    const whole = reading.indexOf(read);
    if (whole >= 0) return printed.slice(whole, whole + read.length);
    // A string joined from several lines (a paragraph across a page break) or trimmed inside:
    // piece by piece, each piece the longest that stands in the reading form.
    let out = '';
    let i = 0;
    while (i < read.length) {
      const { at, length } = longestPiece(reading, read, i);
      if (length === 0) {
        out += read[i];
        i += 1;
      } else {
        out += printed.slice(at, at + length);
        i += length;
      }
    }
    return out;
  };
}

/** The longest piece of `read` from `from` on that stands in `reading`, and where (a prefix found implies every shorter one is). */
function longestPiece(reading: string, read: string, from: number): { at: number; length: number } {
  let lo = 0;
  let at = -1;
  let hi = read.length - from;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    const found = reading.indexOf(read.slice(from, from + mid));
    if (found >= 0) {
      lo = mid;
      at = found;
    } else {
      hi = mid - 1;
    }
  }
  if (lo > 0 && at < 0) at = reading.indexOf(read.slice(from, from + lo));
  return { at, length: lo };
}
