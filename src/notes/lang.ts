/**
 * Language codes as notes write them (`en`, `hant`) and as text processing
 * needs them (BCP 47: `en`, `zh-Hant`).
 */

/** Codes some sites use that are not BCP 47 language tags. */
const NON_STANDARD: Record<string, string> = {
  hant: 'zh-Hant',
  hans: 'zh-Hans',
  'zh-tw': 'zh-Hant-TW',
  'zh-hk': 'zh-Hant-HK',
  'zh-cn': 'zh-Hans-CN',
  jp: 'ja',
  kr: 'ko',
  cn: 'zh',
};

/**
 * Languages recognised in file names (`…-zh.md`) and folders (`_posts/zh/`).
 * A closed list, because slugs end in words like `-to` or `-is` that are also codes.
 */
export const DEFAULT_FILE_LANGS = [
  'en', 'zh', 'ja', 'ko', 'es', 'fr', 'de', 'it', 'pt', 'ru', 'ar', 'hi', 'bn', 'ur', 'fa', 'tr',
  'vi', 'th', 'id', 'ms', 'nl', 'pl', 'uk', 'sv', 'da', 'fi', 'nb', 'cs', 'el', 'he', 'hu', 'ro',
  'hant', 'hans',
] as const;

const languageNames = new Map<string, string>();

/**
 * The language's own name for itself, as a label (`Español`, `日本語`, `हिन्दी`): in a summary's
 * footer and in a family's "also in" links. A language Intl does not know by name (an unknown
 * code, locale `und`) is shown as written: never Intl's guesses (`Root` for `und`, `Xx` for `xx`).
 * DisplayNames is costly, so names are kept (bounded, as the tags below).
 */
export function languageName(lang: string, locale = toLocaleTag(lang)): string {
  if (locale === 'und') return lang;
  let name = languageNames.get(locale);
  if (name === undefined) {
    try {
      const own = new Intl.DisplayNames([locale], { type: 'language', fallback: 'none' }).of(locale) ?? '';
      name = own.charAt(0).toLocaleUpperCase(locale) + own.slice(1);
    } catch {
      name = '';
    }
    if (languageNames.size < 1000) languageNames.set(locale, name);
  }
  return name || lang;
}

/** Tags already worked out: a note's language is asked for many times while it is summarised. */
const localeTags = new Map<string, string>();

/** Maps a written code to a BCP 47 tag; unknown or malformed codes fall back to `und`. */
export function toLocaleTag(code: string): string {
  let tag = localeTags.get(code);
  if (tag === undefined) {
    tag = canonicalTag(code);
    if (localeTags.size < 1000) localeTags.set(code, tag); // codes come from notes and chats: bounded
  }
  return tag;
}

function canonicalTag(code: string): string {
  const lower = code.trim().toLowerCase();
  const mapped = NON_STANDARD[lower] ?? code.trim();
  try {
    return Intl.getCanonicalLocales(mapped)[0] ?? 'und';
  } catch {
    return 'und';
  }
}

/** The base language of a tag: `zh-Hant` → `zh`. */
export function baseLanguage(tag: string): string {
  return toLocaleTag(tag).split('-')[0] ?? 'und';
}

/**
 * What a note's path says of its language: the file name's last `-xx` part (`suffix`) and the
 * innermost folder named after a language (`folder`). Where both are there and name different
 * languages, the folder decides (`_posts/en/2025-11-07-what-is-it.md` is English: `-it` is a
 * word of its slug, `disagrees` says so); else whichever is there.
 */
export interface PathLanguage {
  lang?: string | undefined;
  suffix?: string | undefined;
  folder?: string | undefined;
  /** The folder and the suffix name different languages (the suffix is then part of the slug). */
  disagrees: boolean;
}

export function pathLanguage(relPath: string, known: readonly string[]): PathLanguage {
  const parts = relPath.split('/');
  const file = parts[parts.length - 1] ?? '';
  const stem = file.replace(/\.[^.]+$/, '');
  const suffix = [/-([A-Za-z]{2,4}(?:-[A-Za-z]{2,4})?)$/, /-([A-Za-z]+)$/]
    .map((re) => re.exec(stem)?.[1]?.toLowerCase())
    .find((code) => code !== undefined && known.includes(code));
  let folder: string | undefined;
  for (let i = parts.length - 2; i >= 0 && folder === undefined; i--) {
    const dir = parts[i]!.toLowerCase();
    if (known.includes(dir)) folder = dir;
  }
  const disagrees = suffix !== undefined && folder !== undefined && !sameBaseLanguage(suffix, folder);
  return { lang: folder ?? suffix, suffix, folder, disagrees };
}

/** Whether two codes as written name one language (`hant` and `zh`, `en` and `en-US`). */
export function sameBaseLanguage(a: string, b: string): boolean {
  return baseLanguage(a) === baseLanguage(b);
}

/**
 * A reader's language as a platform reports it, as a BCP 47 tag: Discord's `locale` (`zh-TW`,
 * `pt-BR`, `es-419`) and Telegram's `language_code`, an IETF tag that may carry a script or region
 * (`zh-hans`, `zh-hant`, `pt-br`, `en-us`). Both adapters read languages through this one function.
 */
export function readerLocale(code: string | undefined): string | undefined {
  if (!code?.trim()) return undefined;
  const tag = toLocaleTag(code);
  return tag === 'und' ? undefined : tag;
}

/**
 * Whether a code names a language: one of the codes notes use in file names (`hant` included), or
 * a tag Intl knows the name of (`pt-BR`, `tlh`); not `xx`. The lookup (`notecast search --lang`)
 * and `/subscribe lang:` accept these.
 */
export function isKnownLanguage(code: string): boolean {
  const tag = readerLocale(code);
  if (!tag) return false;
  if ((DEFAULT_FILE_LANGS as readonly string[]).includes(code.toLowerCase())) return true;
  try {
    return !!new Intl.DisplayNames(['en'], { type: 'language', fallback: 'none' }).of(tag);
  } catch {
    return false;
  }
}

const maximized = new Map<string, string>();

/** Language and script of a tag, with the likely script filled in: `zh` → `zh-Hans`, `zh-TW` → `zh-Hant`, `pt-BR` → `pt-Latn`. */
function languageScript(tag: string): string {
  const key = tag.toLowerCase();
  let out = maximized.get(key);
  if (out === undefined) {
    try {
      const loc = new Intl.Locale(toLocaleTag(tag)).maximize();
      out = `${loc.language}-${loc.script ?? ''}`.toLowerCase();
    } catch {
      out = key;
    }
    if (maximized.size > 1000) maximized.clear();
    maximized.set(key, out);
  }
  return out;
}

/**
 * Whether a reader of `a` reads a note written in `b`: the same language in the same script, whatever
 * the region (`pt-BR` reads `pt`, `en-US` reads `en`, `zh-Hans` reads `zh`; `zh-Hant` does not).
 */
export function sameLanguage(a: string, b: string): boolean {
  return languageScript(a) === languageScript(b);
}
