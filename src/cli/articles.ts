/**
 * `npm run articles [-- --json]`: every article of the corpus, as a table or as JSON.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { loadCorpus } from '../corpus/load-corpus.ts';
import { createCliLogger } from '../logger.ts';
import { runCli } from './run-cli.ts';

runCli(() => {
  const { json } = parseArgs({ options: { json: { type: 'boolean', default: false } } }).values;
  const { corpusDir } = loadConfig();
  const issues = loadCorpus(corpusDir, { logger: createCliLogger() });
  const articles = issues.flatMap((i) => i.articles);
  if (json) {
    process.stdout.write(`${JSON.stringify(articles, null, 2)}\n`);
    return;
  }
  const width = (s: string, n: number) => {
    let out = '';
    let w = 0;
    for (const ch of s) {
      const cw = /[\u1100-\uffff]/.test(ch) ? 2 : 1;
      if (w + cw > n) break;
      out += ch;
      w += cw;
    }
    return out + ' '.repeat(Math.max(0, n - w));
  };
  console.log(`${width('date', 11)} ${width('headline', 52)} ${width('source', 26)} paras`);
  for (const a of articles) {
    console.log(`${width(a.date || '?', 11)} ${width(a.headline, 52)} ${width(a.source, 26)} ${a.paragraphs.length}`);
  }
  const photos = issues.reduce((n, i) => n + i.photos.reduce((m, p) => m + p.captions.length, 0), 0);
  console.log(`\n${articles.length} articles and ${photos} photo captions in ${issues.length} issues (${corpusDir})`);
});
