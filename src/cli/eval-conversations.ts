/**
 * `npm run eval:conversations [FILE]`: scores multi-turn conversations (eval/conversations.jsonl)
 * through the bot's real handlers, the terminal chat's path (chat-session.ts), over the seeds and
 * the shared sets' issues. Each conversation is its own chat; its turns go in one after another.
 *
 * A line: {"id","turns":[…],"relevant":[keys of the right headline],"answer":"text the reply must
 * show","smalltalk":[indexes of small-talk turns],"today":"YYYY-MM-DD"}. Printed:
 * - last-turn Correct@1: the last turn's first reply offers (not under the related header) an
 *   article whose headline holds a key, and shows the answer text;
 * - DirectWrong: last turns whose short answer (答：…) is not the gold answer;
 * - Found@1: the right article, whatever else;
 * - small-talk turns answered 「没有找到」;
 * - answers over a phone's size: more than 400 visible characters or 8 lines, or more than one
 *   <b> besides the short answer (replies to 具体说说 and 全文, which ask for more, aside).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFollowUp } from '../bot/conversation/follow-up.ts';
import { wordsOf } from '../bot/features/conversation.ts';
import { messages } from '../bot/messages.ts';
import { NewsLibrary, openIndex } from '../retrieval/index.ts';
import { htmlToText } from '../telegram/html.ts';
import { createChatSession } from './chat-session.ts';

interface Conversation {
  id: string;
  turns: string[];
  relevant: string[];
  answer?: string;
  smalltalk?: number[];
  today?: string;
}

const ISSUES = ['seeds', 'eval/fresh-a/issues', 'eval/fresh-b/issues'];
/**
 * A set about eval/own's issues (its file named *own*) indexes them too, held-out issues included:
 * the own questions were written against all twenty issues together.
 */
const issuesFor = (file: string) => (path.basename(file).includes('own') ? [...ISSUES, 'eval/own/issues'] : ISSUES);
const NO_MATCH = '没有在报道中找到';

/** The headline of the result a reply offers: its first bold piece that is not the short answer. */
export function offeredHeadline(html: string): string {
  const withoutAnswer = html.replace(/^(?:.*\n)*?答：<b>[^<]*<\/b>\n/, '');
  return htmlToText(withoutAnswer.match(/<b>([\s\S]*?)<\/b>/)?.[1] ?? '');
}

/** The id of the article an answer's 全文 button opens ('' when it has none). */
function articleOffered(markup: unknown): string {
  const buttons = (markup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)?.inline_keyboard?.flat();
  const data = buttons?.find((b) => b.callback_data?.startsWith('f:'))?.callback_data;
  return data?.split(':')[1] ?? '';
}

/** Whether an answer's first message fits a phone: ≤ 400 visible characters, ≤ 8 lines, one bold besides 答. */
export function phoneSized(html: string): boolean {
  const text = htmlToText(html);
  const bolds = (html.match(/<b>/g) ?? []).length - (html.includes('答：<b>') ? 1 : 0);
  return text.length <= 400 && text.split('\n').length <= 8 && bolds <= 1;
}

async function main(): Promise<void> {
  const file = process.argv[2] ?? 'eval/conversations.jsonl';
  const conversations = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Conversation);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'eval-conv-'));
  const corpusDir = path.join(dir, 'corpus');
  fs.mkdirSync(corpusDir);
  for (const from of issuesFor(file))
    for (const name of fs.readdirSync(from)) {
      const source = path.join(from, name);
      if (fs.statSync(source).isFile()) fs.copyFileSync(source, path.join(corpusDir, name));
    }
  const library = NewsLibrary.fromOpened(openIndex({ corpusDir, indexFile: path.join(dir, 'index.bin') }));

  let correct = 0;
  let found = 0;
  let smallTalk = 0;
  let smallTalkMissed = 0;
  let answers = 0;
  let oversized = 0;
  let directWrong = 0;
  const misses: string[] = [];
  for (const [k, c] of conversations.entries()) {
    const session = createChatSession({
      library,
      chatId: 1000 + k,
      ...(c.today ? { today: () => c.today! } : {}),
    });
    let last = '';
    let lastArticle = '';
    for (const [t, turn] of c.turns.entries()) {
      const calls = await session.say(turn);
      const reply = calls.find((call) => call.method === 'sendMessage');
      const first = String(reply?.payload.text ?? '');
      lastArticle = articleOffered(reply?.payload.reply_markup);
      if (c.smalltalk?.includes(t)) {
        smallTalk++;
        if (first.includes(NO_MATCH)) {
          smallTalkMissed++;
          misses.push(`${c.id} small talk 「${turn}」 answered 「没有找到」`);
        }
      }
      // 具体说说 and 全文 ask for more than a phone's first screen: their replies are not answers' first messages.
      const more = ['detail', 'full'].includes(readFollowUp(turn, undefined, wordsOf).kind);
      if (first && !more && !first.includes(NO_MATCH) && !first.startsWith('🗞') && offeredHeadline(first)) {
        answers++;
        if (!phoneSized(first)) {
          oversized++;
          misses.push(`${c.id} turn ${t + 1} over a phone's size`);
        }
      }
      last = first;
    }
    // The article offered, by its 全文 button: its headline and subtitle, as the question sets' keys match them.
    const article = library.article(lastArticle);
    const headline = article ? `${article.headline} ${article.subtitle}` : offeredHeadline(last);
    const right = c.relevant.some((key) => headline.includes(key));
    const related = last.includes(messages.relatedHeader);
    const shows = !c.answer || htmlToText(last).includes(c.answer);
    // A short answer shown (答：…) must be the gold one: holding it, or held by it.
    const direct = htmlToText(last.match(/答：<b>([\s\S]*?)<\/b>/)?.[1] ?? '');
    if (direct && c.answer && !direct.includes(c.answer) && !c.answer.includes(direct)) {
      directWrong++;
      misses.push(`${c.id} 答：${direct}, not ${c.answer}`);
    }
    if (right) found++;
    if (right && !related && shows) correct++;
    else
      misses.push(
        `${c.id} ${c.turns.join(' → ')}: ${right ? (related ? 'right article, as related' : `answer ${c.answer} not shown`) : `got 「${headline.slice(0, 24)}」`}`,
      );
  }
  for (const m of misses) console.log(`  miss ${m}`);
  const n = conversations.length;
  console.log(
    `Correct@1(last turn)=${(correct / n).toFixed(3)} Found@1=${(found / n).toFixed(3)} ` +
      `DirectWrong=${directWrong} SmallTalkNoMatch=${smallTalkMissed}/${smallTalk} OverPhoneSize=${oversized}/${answers} n=${n}`,
  );
  fs.rmSync(dir, { recursive: true, force: true });
}

await main();
