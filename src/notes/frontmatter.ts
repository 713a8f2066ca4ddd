import { z } from 'zod';

const stringList = z
  .union([z.string(), z.array(z.union([z.string(), z.number()]))])
  .transform((v) => (typeof v === 'string' ? v.split(/[\s,]+/) : v.map(String)).map((s) => s.trim()).filter(Boolean));

const dateValue = z.union([z.string(), z.date(), z.number()]).transform((v, ctx) => {
  const d = v instanceof Date ? v : typeof v === 'number' ? new Date(v) : parseDate(v);
  if (!d || Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: 'custom', message: `cannot read "${String(v)}" as a date (expected YYYY-MM-DD or an ISO date-time)` });
    return z.NEVER;
  }
  return d;
});

/** Jekyll accepts `2025-10-05`, `2025-10-05 10:00`, `2025-10-05 10:00:00 +0800`, ISO strings. */
function parseDate(s: string): Date | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?$/.exec(s.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '00', mi = '00', sec = '00', tz] = m;
  let zone = 'Z';
  if (tz && tz !== 'Z') zone = tz.includes(':') ? tz : `${tz.slice(0, 3)}:${tz.slice(3)}`;
  // Reject 2025-02-30, 2025-13-45 and the like, which Date would roll over into another day.
  const day = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (day.getUTCFullYear() !== Number(y) || day.getUTCMonth() !== Number(mo) - 1 || day.getUTCDate() !== Number(d)) return undefined;
  if (Number(h) > 23 || Number(mi) > 59 || Number(sec) > 60) return undefined;
  const date = new Date(`${y}-${mo}-${d}T${h}:${mi}:${sec}${zone}`);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const flag = z.boolean();

/**
 * The author's summary (`description`, `excerpt`) and `excerpt_separator`: text. A number reads as
 * text, an empty key as absent; a list or a mapping is an error naming the line, as a title's is:
 * Jekyll would print it joined or as a Ruby hash (jekyll-seo-tag too, in the page's meta description).
 */
function authorsText(key: string) {
  return z
    .union([z.string(), z.number()], { error: `${key} must be text (one line or a block of Markdown, not a list or a map)` })
    .transform(String)
    .nullish();
}

/**
 * The author's controls over a note's announcement, all under one key (`notecast:`):
 * `announce: false` never announces it, `announce: again` posts its next change anew, `silent`
 * posts without a notification, `routes` sends it only to the config routes of these names, `pin`
 * pins the announcement where the bot may pin.
 */
const controlsSchema = z
  .object({
    announce: z.union([z.literal(false), z.literal(true), z.literal('again')], { error: 'announce must be false, true or again' }).optional(),
    silent: z.boolean({ error: 'silent must be true or false' }).optional(),
    routes: z.array(z.string({ error: 'a route name must be text' }).min(1, 'a route name must not be empty'), { error: 'routes must be a list of route names' }).min(1, 'routes must name at least one route').optional(),
    pin: z.boolean({ error: 'pin must be true or false' }).optional(),
  })
  .strict();

export type NoteControls = z.output<typeof controlsSchema>;

/**
 * The front matter of a note. Known keys are typed; unknown keys are kept.
 * `announce: again` (the older spelling of `notecast: {announce: again}`) asks for a fresh
 * announcement of an already announced note.
 */
export const frontMatterSchema = z
  .object({
    title: z.union([z.string(), z.number()], { error: 'title must be text (one line, not a list or a map)' }).transform(String).optional(),
    lang: z.string({ error: 'lang must be a language code such as en or zh' }).trim().min(1).optional(),
    date: dateValue.optional(),
    tags: stringList.optional(),
    categories: stringList.optional(),
    type: z.string().optional(),
    layout: z.string().optional(),
    draft: flag.optional(),
    published: flag.optional(),
    permalink: z.string().optional(),
    slug: z.string().optional(),
    generated: flag.optional(),
    translated: flag.optional(),
    image: z.union([flag, z.string()]).optional(),
    audio: z.union([flag, z.string()]).optional(),
    model: z.string().optional(),
    translationKey: z.string().optional(),
    ref: z.string().optional(),
    announce: z.enum(['again']).optional(),
    description: authorsText('description'),
    excerpt: authorsText('excerpt'),
    excerpt_separator: authorsText('excerpt_separator'),
    notecast: controlsSchema.optional(),
  })
  .passthrough();

export type FrontMatter = z.output<typeof frontMatterSchema>;

/** The note's controls, with the older top-level `announce: again` read as `notecast.announce`. */
export function controlsOf(fm: FrontMatter): NoteControls {
  const c = fm.notecast ?? {};
  return fm.announce === 'again' && c.announce === undefined ? { ...c, announce: 'again' } : c;
}
