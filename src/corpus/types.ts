/** A news article read out of one newspaper issue. */
export interface Article {
  /** Stable across runs and machines: derived from the issue's file name and the headline. */
  id: string;
  headline: string;
  /** Sub-headline, kicker or column label; '' when the headline stands alone. */
  subtitle: string;
  /** 'YYYY-MM-DD', 'YYYY-MM', 'YYYY', or '' when nothing dates it. */
  date: string;
  /** The issue's file name. */
  source: string;
  /** Reporters' names from the closing byline (·金驰 许应田·). */
  byline: string[];
  /** Body paragraphs, page breaks joined back; in-article section headings stay as paragraphs. */
  paragraphs: string[];
  /** Photo captions printed within the article. */
  captions: string[];
}

/** Photo captions that stand between articles (a photo page, or one ▼ photo) with no headline. */
export interface PhotoGroup {
  id: string;
  /** The page's lead line when it has one (「4月15日是第八个全民国家安全教育日。……」), else ''. */
  lead: string;
  date: string;
  source: string;
  captions: string[];
}

/** Everything one issue file holds. */
export interface Issue {
  source: string;
  /** The issue's own date as far as it is known: 'YYYY-MM-DD', 'YYYY-MM', 'YYYY' or ''. */
  date: string;
  articles: Article[];
  photos: PhotoGroup[];
}
