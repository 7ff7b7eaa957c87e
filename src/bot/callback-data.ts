/**
 * The callback_data of every button kind, each defined once: `pack` writes it, `match` is the
 * pattern a handler listens on, `unpack` reads it back (undefined for anything forged or stale).
 * Short keys only, so every kind stays under Telegram's 64 bytes:
 *   p:<queryKey>:<page>   a page of stored results
 *   a:<articleId>:<part>  an article in full, part by part
 *   q:<n>                 the nth example question
 *   f:<articleId>:<part>:<queryKey>  an article in full, opened from stored results (◀ 返回结果 leads back)
 *   m:<queryKey>          the results after the answer (更多结果), in a new message
 *   b:<queryKey>          back from an article to the answer it was opened from
 */
import { CALLBACK_DATA_BYTES } from '../telegram/limits.ts';

interface Field<T> {
  /** A regular expression source for the field's text (no capture groups). */
  pattern: string;
  parse(text: string): T;
}

const key: Field<string> = { pattern: '[\\w-]{1,16}', parse: (s) => s };
const hexId: Field<string> = { pattern: '[0-9a-f]{6,32}', parse: (s) => s };
const index: Field<number> = { pattern: '\\d{1,3}', parse: Number };

type Values<S> = { [K in keyof S]: S[K] extends Field<infer T> ? T : never };

export interface CallbackCodec<V> {
  pack(values: V): string;
  /** Matches exactly this kind's data, for `composer.callbackQuery(codec.match, …)`. */
  match: RegExp;
  unpack(data: string | undefined): V | undefined;
}

/** A codec for data `prefix:field1:field2…`, fields in the schema's order. */
export function callbackCodec<S extends Record<string, Field<unknown>>>(
  prefix: string,
  schema: S,
): CallbackCodec<Values<S>> {
  const names = Object.keys(schema) as (keyof S & string)[];
  const match = new RegExp(`^${prefix}${names.map((n) => `:(${schema[n]!.pattern})`).join('')}$`);
  return {
    match,
    pack(values) {
      const data = [prefix, ...names.map((n) => String(values[n]))].join(':');
      if (!match.test(data) || Buffer.byteLength(data) > CALLBACK_DATA_BYTES)
        throw new Error(`not a valid "${prefix}" button: ${data}`);
      return data;
    },
    unpack(data) {
      const m = data?.match(match);
      if (!m) return undefined;
      return Object.fromEntries(names.map((n, k) => [n, schema[n]!.parse(m[k + 1]!)])) as Values<S>;
    },
  };
}

/** A page of the results stored under `key`. */
export const pageData = callbackCodec('p', { key, page: index });
/** Part `part` of an article. */
export const articleData = callbackCodec('a', { id: hexId, part: index });
/** The nth example question of the greeting. */
export const exampleData = callbackCodec('q', { n: index });
/** Part `part` of an article opened from the results stored under `key`. */
export const fullData = callbackCodec('f', { id: hexId, part: index, key });
/** The results stored under `key` after the first (更多结果). */
export const moreData = callbackCodec('m', { key });
/** Back from an article to the results stored under `key`. */
export const backData = callbackCodec('b', { key });
