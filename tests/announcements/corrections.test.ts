/** An issue rewritten after it was announced is announced as corrected: once per new text, across instances. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Issue } from '../../src/corpus/types.ts';
import { Announcer, announcementKey } from '../../src/announcements/announce.ts';
import { openSqliteStore } from '../../src/storage/sqlite-store.ts';
import { seedLibrary } from '../support/seed-library.ts';

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'corrections-')), 'bot.db');
const a = openSqliteStore(file);
const b = openSqliteStore(file);
afterAll(() => {
  a.close();
  b.close();
});

describe('corrections', () => {
  const library = seedLibrary();
  const issue = library.issues[0]!;
  const rewritten = (mark: string): Issue => ({
    ...issue,
    articles: issue.articles.map((x, k) => (k === 0 ? { ...x, headline: `${x.headline}${mark}` } : x)),
  });

  it('are claimed under the issue and its new text', () => {
    expect(announcementKey(issue, 'new')).toBe(issue.source);
    expect(announcementKey(rewritten('（一）'), 'corrected')).toBe(announcementKey(rewritten('（一）'), 'corrected'));
    expect(announcementKey(rewritten('（一）'), 'corrected')).not.toBe(
      announcementKey(rewritten('（二）'), 'corrected'),
    );
    expect(announcementKey(issue, 'corrected').startsWith(`${issue.source}#corrected:`)).toBe(true);
  });

  it('are announced once per new text, saying so, whichever instance tries', async () => {
    await a.subscribe(1, '');
    const one = new Announcer({ store: a, library, owner: 'A' });
    const two = new Announcer({ store: b, library, owner: 'B' });
    expect(await one.add([issue])).toBe(1);
    expect(await two.add([issue])).toBe(0);

    const fixed = rewritten('（更新）');
    const [x, y] = await Promise.all([one.add([fixed], 'corrected'), two.add([fixed], 'corrected')]);
    expect(x + y).toBe(1);
    expect(await one.add([fixed], 'corrected')).toBe(0);

    const sent = await a.pending(10);
    expect(sent).toHaveLength(2);
    expect(sent[0]!.text).toContain('新一期报纸已收录');
    expect(sent[1]!.text).toContain('已收录的一期报纸有更正');
    expect(sent[1]!.text).toContain(`${issue.articles[0]!.headline}（更新）`);

    // Rewritten once more: another correction.
    expect(await two.add([rewritten('（再次更新）')], 'corrected')).toBe(1);
  });
});
