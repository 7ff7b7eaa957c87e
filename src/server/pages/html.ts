/**
 * HTML templates that escape by default: in html`<p>${text}</p>` every interpolated string is
 * escaped, arrays are joined, null/undefined/false render nothing, and only an Html value (from
 * html`…` itself or from raw(), which says where markup is trusted) goes in as it is.
 */

/** Markup that is already safe to put in a page. */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Interpolation = Html | string | number | null | undefined | false | readonly Interpolation[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text (or an attribute value) escaped for HTML. */
export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Marks markup as trusted: only for text this program wrote or already escaped. */
export function raw(markup: string): Html {
  return new Html(markup);
}

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeText(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let out = strings[0]!;
  for (let k = 0; k < values.length; k++) out += render(values[k]!) + strings[k + 1]!;
  return new Html(out);
}
