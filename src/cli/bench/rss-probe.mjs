// Preloaded into every Node process of a measured command (NODE_OPTIONS=--import): appends the
// process's peak resident set size in kB and its CPU time (user + system, all threads) in
// microseconds to the file named by BENCH_RSS_FILE when it exits.
import fs from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    try {
      const usage = process.resourceUsage();
      fs.appendFileSync(file, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}\n`);
    } catch {
      // measuring must never break the measured command
    }
  });
}
