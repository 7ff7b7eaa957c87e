/**
 * Articles and photo captions to searchable units: a SearchDoc per article or caption (what a
 * result names: headline, date, source) and passages of about 80–300 characters cut from its
 * text at paragraph and sentence boundaries.
 */
import { graphemeCut } from '../../corpus/blocks.ts';
import { MAX_HEADLINE_CHARS, MAX_SUBTITLE_CHARS } from '../../corpus/limits.ts';
import type { Issue } from '../../corpus/types.ts';

/** An article or a photo caption, as search results name it. */
export interface SearchDoc {
  id: string;
  kind: 'article' | 'photo';
  headline: string;
  subtitle: string;
  date: string;
  source: string;
}

/** A piece of one doc's text; `doc` indexes the docs array. */
export interface Passage {
  doc: number;
  text: string;
}

export const MIN_PASSAGE = 80;
export const MAX_PASSAGE = 300;
/** No passage is ever longer than this, whatever the text. */
export const HARD_MAX_PASSAGE = 600;

/** Sentences with their closing marks and quotes kept (「……。”」 stays one sentence). */
export function splitSentences(text: string): string[] {
  return text.match(/[^。！？!?；;]+(?:[。！？!?；;]+[”’」』）)]*|$)/gu)?.filter((s) => s.trim()) ?? [];
}

function splitLong(paragraph: string): string[] {
  if (paragraph.length <= MAX_PASSAGE) return [paragraph];
  const pieces: string[] = [];
  let buffer = '';
  const pieceOf = (s: string) => (s.length <= MAX_PASSAGE ? [s] : (s.match(/[^，,、]+[，,、]?/gu) ?? [s]));
  for (const sentence of splitSentences(paragraph)) {
    for (const part of pieceOf(sentence)) {
      if (buffer && buffer.length + part.length > MAX_PASSAGE) {
        pieces.push(buffer);
        buffer = '';
      }
      buffer += part;
      while (buffer.length > HARD_MAX_PASSAGE) {
        pieces.push(buffer.slice(0, MAX_PASSAGE));
        buffer = buffer.slice(MAX_PASSAGE);
      }
    }
  }
  if (buffer) pieces.push(buffer);
  return pieces;
}

// An interview's question (「问：」, 「记者：」) opens a passage and keeps its answer with it, so that
// a question about the answer finds both.
const QUESTION = /^(问|记者|主持人|Q)\s?\d{0,2}\s?[：:]/u;

/**
 * Paragraphs to passages: long ones split at sentence ends, short ones (a section heading, a
 * one-line paragraph) merged with the next, a short tail merged into the passage before it; an
 * interview question and (the start of) its answer always in one passage.
 */
export function toPassageTexts(paragraphs: string[]): string[] {
  const out: string[] = [];
  let buffer = '';
  let awaitingAnswer = false;
  for (const paragraph of paragraphs) {
    const question = QUESTION.test(paragraph);
    if (question && buffer && buffer.length + paragraph.length + 1 > MAX_PASSAGE) {
      out.push(buffer);
      buffer = '';
    }
    for (const chunk of splitLong(paragraph)) {
      const limit = awaitingAnswer ? HARD_MAX_PASSAGE : MAX_PASSAGE;
      if (buffer && buffer.length + chunk.length + 1 > limit) {
        out.push(buffer);
        buffer = '';
      }
      buffer = buffer ? `${buffer}\n${chunk}` : chunk;
      awaitingAnswer = question;
      if (buffer.length >= MIN_PASSAGE && !awaitingAnswer) {
        out.push(buffer);
        buffer = '';
      }
    }
  }
  if (buffer) {
    const last = out.length - 1;
    if (last >= 0 && out[last]!.length + buffer.length + 1 <= HARD_MAX_PASSAGE) out[last] += `\n${buffer}`;
    else out.push(buffer);
  }
  return out;
}

// A caption or lead shown as a headline stays within the corpus reader's headline limits.
const clip = (text: string, max: number) => text.slice(0, graphemeCut(text, max));
const firstSentence = (text: string) =>
  clip((splitSentences(text)[0] ?? text).replace(/[。！？!?；;]+$/u, '').trim(), MAX_SUBTITLE_CHARS);
// 「……活动。 唐蕾摄」: the photographer's credit is not part of what the photo shows.
const CREDIT = /[\s（(]*\p{Script=Han}{2,4}\s*摄[）)]?$/u;
const withoutCredit = (caption: string) => caption.replace(CREDIT, '').trim();

/** All searchable docs and passages of the given issues. */
export function toDocsAndPassages(issues: Issue[]): { docs: SearchDoc[]; passages: Passage[] } {
  const docs: SearchDoc[] = [];
  const passages: Passage[] = [];
  const add = (doc: SearchDoc, texts: string[]) => {
    const k = docs.push(doc) - 1;
    for (const text of texts) passages.push({ doc: k, text });
  };
  for (const issue of issues) {
    for (const a of issue.articles) {
      const { id, headline, subtitle, date, source } = a;
      add({ id, kind: 'article', headline, subtitle, date, source }, toPassageTexts(a.paragraphs));
      a.captions.forEach((caption, k) => {
        const photoHeadline = clip(withoutCredit(caption), MAX_HEADLINE_CHARS);
        const photo = {
          id: `${id}-${k}`,
          kind: 'photo' as const,
          headline: photoHeadline,
          subtitle: headline,
          date,
          source,
        };
        add(photo, toPassageTexts([caption]));
      });
    }
    for (const group of issue.photos) {
      const subtitle = group.lead ? firstSentence(group.lead) : '图片新闻';
      group.captions.forEach((caption, k) => {
        const headline = clip(withoutCredit(caption).replace(/[。！？!?]+$/u, ''), MAX_HEADLINE_CHARS);
        const photo = { id: `${group.id}-${k}`, kind: 'photo' as const, headline, subtitle, date: group.date };
        // A caption is one passage; running text without a headline is cut like an article's.
        add({ ...photo, source: group.source }, toPassageTexts([caption]));
      });
    }
  }
  return { docs, passages };
}
