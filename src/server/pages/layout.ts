/**
 * The frame of every page: lang="zh-CN", a phone-width viewport, the site's name and search box,
 * the main content, a footer with what the archive holds. Styles and the one script come from
 * /static/ (the CSP allows nothing inline).
 */
import { MAX_QUESTION } from '../../bot/features/search.ts';
import { messages } from '../../bot/messages.ts';
import type { LibraryStats } from '../../retrieval/index.ts';
import { clip } from '../../text/graphemes.ts';
import { type Html, html } from './html.ts';

export interface Frame {
  title: string;
  main: Html;
  stats: LibraryStats;
  /** The question to leave in the search box. */
  query?: string;
}

/** Bidirectional formatting controls: shown nowhere, so a query cannot reorder the page's text. */
const BIDI_CONTROLS = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** A user's text as a page shows it: without bidi controls (escaping happens in the template). */
export function shown(text: string): string {
  return text.replace(BIDI_CONTROLS, '');
}

export function layout({ title, main, stats, query = '' }: Frame): string {
  const fullTitle = title === messages.siteName ? title : `${title} · ${messages.siteName}`;
  return html`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fullTitle}</title>
<link rel="stylesheet" href="/static/site.css">
<link rel="icon" href="/static/icon.svg" type="image/svg+xml">
<script src="/static/page.js" defer></script>
</head>
<body>
<a class="skip" href="#main">${messages.skipToContent}</a>
<header class="site">
<a class="name" href="/">${messages.siteName}</a>
<form class="search" action="/search" method="get" role="search">
<input type="search" name="q" value="${clip(shown(query), MAX_QUESTION, '')}" maxlength="${MAX_QUESTION}" aria-label="${messages.searchLabel}" placeholder="${messages.searchPlaceholder}">
<button type="submit">${messages.searchButton}</button>
</form>
</header>
<main id="main">
${main}
</main>
<footer class="site">${messages.libraryCounts(stats)}</footer>
</body>
</html>
`.value;
}
