import { describe, expect, it } from 'vitest';
import { html, raw } from '../../../src/server/pages/html.ts';

describe('the html template', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const hostile = `<script>alert("x")</script>&'`;
    expect(html`<p title="${hostile}">${hostile}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    );
  });

  it('nests templates and joins arrays without escaping them again; leaves out nothing-values', () => {
    const items = ['a&b', 'c'].map((t) => html`<li>${t}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}`.value).toBe('<ul><li>a&amp;b</li><li>c</li></ul>0');
  });

  it('puts in markup as it is only where raw() says so', () => {
    expect(html`${raw('<b>x</b>')}${'<b>x</b>'}`.value).toBe('<b>x</b>&lt;b&gt;x&lt;/b&gt;');
  });
});
