/**
 * The pages' static files, as strings served from /static/: one stylesheet (phone first, no
 * horizontal scrolling whatever the text, body text at 18 px, a visible keyboard focus), the icon
 * (so browsers asking for one get it, not a 404), and one small script that brings the marked
 * passage into view when the link carried no #anchor (the CSP allows scripts from this origin only).
 */

export const STYLE = `
:root { color-scheme: light dark; --fg: #1b1b1b; --bg: #fdfcf8; --muted: #5b5b5b; --line: #ddd8cc;
  --link: #0b4f9c; --mark: #ffe58a; --focus: #d9480f; --hit: #fff6d6; }
@media (prefers-color-scheme: dark) {
  :root { --fg: #ececec; --bg: #17181a; --muted: #a8a8a8; --line: #3a3b3e; --link: #8cb8ff;
    --mark: #6b5400; --focus: #ffa94d; --hit: #2c2716; }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--fg); font-size: 18px; line-height: 1.75;
  font-family: system-ui, -apple-system, "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif;
  overflow-wrap: anywhere; word-break: break-word; }
a { color: var(--link); }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 2px; }
.skip { position: absolute; left: -9999px; }
.skip:focus { left: 8px; top: 8px; background: var(--bg); padding: 4px 8px; z-index: 1; }
header.site, main, footer.site { max-width: 44rem; margin: 0 auto; padding: 0 16px; }
header.site { padding-top: 12px; padding-bottom: 12px; border-bottom: 1px solid var(--line);
  display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; }
header.site .name { font-weight: 700; text-decoration: none; color: var(--fg); }
form.search { display: flex; gap: 8px; flex: 1 1 16rem; min-width: 0; }
form.search input { flex: 1 1 auto; min-width: 0; font: inherit; font-size: 18px; padding: 6px 10px;
  border: 1px solid var(--line); border-radius: 6px; background: var(--bg); color: var(--fg); }
form.search button { font: inherit; font-size: 18px; padding: 6px 14px; border-radius: 6px;
  border: 1px solid var(--link); background: var(--link); color: var(--bg); cursor: pointer; }
h1 { font-size: 1.6rem; line-height: 1.35; margin: 1.2rem 0 0.4rem; }
h2 { font-size: 1.25rem; line-height: 1.4; margin: 1.4rem 0 0.4rem; }
.kicker, .meta, .muted { color: var(--muted); }
.kicker { font-size: 1.05rem; margin: 0.2rem 0; }
.meta { font-size: 1rem; margin: 0.2rem 0 1rem; }
article p { margin: 0 0 1rem; text-indent: 2em; }
article p.hit, figure.hit { background: var(--hit); box-shadow: -8px 0 0 var(--hit), 8px 0 0 var(--hit);
  border-left: 4px solid var(--focus); }
mark { background: var(--mark); color: inherit; padding: 0 1px; }
figure { margin: 1rem 0; padding: 8px 12px; border-left: 3px solid var(--line); }
figcaption { font-size: 1rem; color: var(--muted); }
nav.pager { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 8px 16px;
  margin: 1.5rem 0; padding-top: 1rem; border-top: 1px solid var(--line); }
ol.list, ul.list { padding-left: 1.4rem; }
ol.list li, ul.list li { margin: 0 0 0.8rem; }
.result { margin: 0 0 1.4rem; }
.result .answer { font-size: 1.1rem; }
.result h2 { margin: 0.2rem 0; font-size: 1.15rem; }
.notice { padding: 12px 16px; border: 1px solid var(--line); border-radius: 8px; white-space: pre-line; }
footer.site { margin-top: 2rem; padding-bottom: 2rem; color: var(--muted); font-size: 1rem;
  border-top: 1px solid var(--line); padding-top: 1rem; }
`;

export const ICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b4f9c"/><path d="M8 9h16v2H8zm0 5h16v2H8zm0 5h10v2H8z" fill="#fff"/></svg>`;

/** Without a #anchor in the address, the first marked passage is brought into view. */
export const SCRIPT = `document.addEventListener('DOMContentLoaded', function () {
  if (location.hash) return;
  var hit = document.querySelector('.hit');
  if (hit) hit.scrollIntoView({ block: 'center' });
});
`;
