/**
 * What a summary is (its fields, the options it is made with) and the footer line every renderer
 * shows. Pure. Apart from build.ts, which makes summaries: the renderers, the commands and the
 * service's start need these, not the ~80 modules of the summariser (~0.15 s of CPU to load, issue 24).
 */
import type { Config } from '../config/schema.js';
import { languageName } from '../notes/lang.js';
import { truncate } from '../util/text.js';
import type { KeyPoint } from './inline.js';
import type { Link } from './plain.js';

export interface Summary {
  title: string;
  url?: string | undefined;
  /** 1–5 points; each a list of runs so inline code can be shown as code (see inline.ts). */
  keyPoints: KeyPoint[];
  links: Link[];
  lang: string;
  locale: string;
  tags: string[];
  date?: string | undefined;
  readingMinutes: number;
  /** Front matter `categories`, for templates (`note.categories`). */
  categories?: string[] | undefined;
  /**
   * The front matter as JSON (dates as ISO strings), for templates (`page.*`, as in Jekyll). Not part
   * of what the default message shows, so left out of the change hash (publish/decide.ts).
   */
  page?: Record<string, unknown> | undefined;
}

export interface SummaryOptions {
  /** Characters of text the whole rendered message may show. */
  maxChars: number;
  maxPoints: number;
  maxLinks: number;
  /** Longest single point. */
  maxPointChars: number;
}

export const DEFAULT_SUMMARY_OPTIONS: SummaryOptions = { maxChars: 1000, maxPoints: 5, maxLinks: 5, maxPointChars: 200 };

/** The summary options a config asks for (`summary:`); a single point's length is not configurable. */
export function summaryOptionsOf(config: Pick<Config, 'summary'>): SummaryOptions {
  const { maxChars, maxPoints, maxLinks } = config.summary;
  return { maxChars, maxPoints, maxLinks, maxPointChars: DEFAULT_SUMMARY_OPTIONS.maxPointChars };
}

/** Footers stay short whatever the front matter holds: hundreds of tags or a very long `lang`. */
const MAX_FOOTER_TAGS_CHARS = 160;
const MAX_LANGUAGE_NAME = 32;

/** The footer line every renderer shows: language, tags, date, reading time. */
export function summaryFooter(s: Pick<Summary, 'locale' | 'lang' | 'tags' | 'date' | 'readingMinutes'>): string {
  const parts: string[] = [truncate(languageName(s.lang, s.locale), MAX_LANGUAGE_NAME)];
  if (s.tags.length) parts.push(footerTags(s.tags));
  if (s.date) parts.push(s.date);
  parts.push(`${s.readingMinutes} min`);
  return parts.join(' · ');
}

/** Tags as `#tag` words, as many as fit in a short line, then `+N`. */
function footerTags(tags: string[]): string {
  const shown: string[] = [];
  let used = 0;
  for (const t of tags) {
    const word = `#${truncate(t.replace(/\s+/g, '_'), 40)}`;
    if (used + word.length + 1 > MAX_FOOTER_TAGS_CHARS) break;
    shown.push(word);
    used += word.length + 1;
  }
  const more = tags.length - shown.length;
  return more > 0 ? `${shown.join(' ')} +${more}`.trim() : shown.join(' ');
}
