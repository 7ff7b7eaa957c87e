/** Announcing across instances on a real PostgreSQL: one announces, another takes over if it dies. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewsLibrary } from '../../src/retrieval/library.ts';
import { Announcer } from '../../src/announcements/announce.ts';
import { openPostgresStore, type PostgresStore } from '../../src/storage/postgres-store.ts';
import { freshDatabaseUrl } from '../support/postgres.ts';
import { seedLibrary } from '../support/seed-library.ts';

let library: NewsLibrary;
let a: PostgresStore;
let b: PostgresStore;

beforeAll(async () => {
  library = seedLibrary();
  const url = await freshDatabaseUrl();
  [a, b] = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
  await a.subscribe(1, '');
  await a.subscribe(2, '');
  await a.markSeen(['baseline.txt']);
}, 60_000);

afterAll(async () => {
  await a.close();
  await b.close();
});

describe('Announcer on two instances', () => {
  it('queues one notification per subscriber when both announce the same issue at once', async () => {
    const issue = library.issues[0]!;
    const one = new Announcer({ store: a, library, owner: 'A' });
    const two = new Announcer({ store: b, library, owner: 'B' });
    const [x, y] = await Promise.all([one.add([issue]), two.add([issue])]);
    expect(x + y).toBe(2);
    for (let k = 0; k < 20 && one.waiting + two.waiting > 0; k++) {
      await new Promise((r) => setTimeout(r, 100));
      await Promise.all([one.run(), two.run()]);
    }
    expect(one.waiting + two.waiting).toBe(0);
    expect((await a.pending(10)).filter((n) => n.source === issue.source).map((n) => n.chatId)).toEqual([1, 2]);
  });

  it('takes over an announcement whose instance died, once its lease is over', async () => {
    const issue = library.issues[1]!;
    // Instance A claimed the issue, then died before queueing anything.
    expect(await a.claimIssue(issue.source, 'A', 800)).toBe('claimed');
    const two = new Announcer({ store: b, library, owner: 'B', leaseMs: 800 });
    expect(await two.add([issue])).toBe(0);
    expect(two.waiting).toBe(1);
    await new Promise((r) => setTimeout(r, 900));
    expect(await two.run()).toBe(2);
    expect(two.waiting).toBe(0);
    expect(await a.announce(issue.source, [{ chatId: 1, text: 'late' }], 'A')).toBe(false);
  });
});
