/** The variables a template sees, built from what the outbox holds for a note. Pure. */
import type { Summary } from '../../summary/build.js';
import { summaryFooter } from '../../summary/shape.js';
import { pointText } from '../../summary/inline.js';
import type { AlsoIn } from '../../store/types.js';
import { truncate } from '../../util/text.js';
import { discordPoint, telegramPoint } from '../points.js';
import { defuseMentions } from '../escape.js';
import { Markup, PageDrop, type MarkupKind } from './engine.js';

/** A note as templates render it: its summary and the family's other languages (an outbox payload's fields). */
export interface TemplateNote {
  summary: Summary;
  alsoIn?: readonly AlsoIn[] | undefined;
}

/** How much of the note a rendering shows; fewer when the message is over a platform's limit. */
export interface Shown {
  points: number;
  links: number;
  alsoIn: number;
  /** The title cut to this many characters (Infinity: whole). */
  titleMax: number;
}

export function everything(n: TemplateNote): Shown {
  return { points: n.summary.keyPoints.length, links: n.summary.links.length, alsoIn: n.alsoIn?.length ?? 0, titleMax: Infinity };
}

function pointMarkup(kind: MarkupKind, p: Summary['keyPoints'][number]): Markup {
  const plain = pointText(p);
  if (kind === 'telegram') return new Markup(telegramPoint(p), plain);
  if (kind === 'discord' || kind === 'discord-title') return new Markup(discordPoint(p), plain);
  return new Markup(defuseMentions(plain), plain);
}

/** The template variables for one kind of markup (points are written in it). */
export function contextFor(kind: MarkupKind, n: TemplateNote, shown: Shown, site: Record<string, unknown>): Record<string, unknown> {
  const s = n.summary;
  const title = Number.isFinite(shown.titleMax) ? truncate(s.title, shown.titleMax, s.locale) : s.title;
  return {
    note: {
      title,
      url: s.url ?? '',
      date: s.date ?? '',
      lang: s.lang,
      tags: s.tags,
      categories: s.categories ?? [],
      reading_minutes: s.readingMinutes,
    },
    page: new PageDrop(s.page ?? {}),
    summary: {
      points: s.keyPoints.slice(0, shown.points).map((p) => pointMarkup(kind, p)),
      links: s.links.slice(0, shown.links).map((l) => ({ text: l.text, url: l.url })),
      footer: summaryFooter(s),
    },
    family: { also_in: (n.alsoIn ?? []).slice(0, shown.alsoIn).map((a) => ({ name: a.label, url: a.url ?? '' })) },
    site: new PageDrop(site),
  };
}
