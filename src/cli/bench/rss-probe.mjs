// Preloaded into every Node process of a measured command (NODE_OPTIONS=--import): appends the
// process's peak resident set size in kB to the file named by BENCH_RSS_FILE when it exits.
import fs from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      fs.appendFileSync(file, `${process.resourceUsage().maxRSS}\n`);
    } catch {
      // measuring must never break the measured command
    }
  });
}
