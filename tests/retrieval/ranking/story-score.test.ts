/**
 * A story ranks among the results by its best-scoring passage shown by the decision, whichever of
 * its passages is shown (the shown one is picked for its likelihood of answering).
 */
import { describe, expect, it } from 'vitest';
import { storyScores } from '../../../src/retrieval/ranking/rank.ts';

describe('storyScores', () => {
  it("gives each story its best passage's score, in whatever order its passages come", () => {
    // Story a: its best-matching passage (0.80) and the likelier one that is shown (0.43);
    // story b: one passage (0.47), above a's shown passage but below a's best.
    const scores = storyScores([
      { key: 'a', score: 0.8 },
      { key: 'b', score: 0.47 },
      { key: 'a', score: 0.43 },
    ]);
    expect(scores.get('a')).toBe(0.8);
    expect(scores.get('b')).toBe(0.47);
    expect(scores.get('a')! > scores.get('b')!).toBe(true);
  });

  it('knows no story that has no passage', () => {
    expect(storyScores([]).size).toBe(0);
    expect(storyScores([{ key: 'a', score: -0.2 }]).get('a')).toBe(-0.2);
  });
});
