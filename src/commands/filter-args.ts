/** Command arguments ↔ the subscription filter shape. */
import type { Filter } from '../config/schema.js';
import { savedSearchText } from '../search/saved.js';

function list(v: string | number | undefined): string[] | undefined {
  if (v === undefined || v === '') return undefined;
  const items = String(v)
    .split(/[\s,]+/)
    .map((s) => s.replace(/^#/, '').trim())
    .filter(Boolean)
    .slice(0, 20);
  return items.length ? items.map((s) => s.slice(0, 64)) : undefined;
}

export function filterFromOptions(o: Record<string, string | number | undefined>): Filter {
  const f: Filter = {};
  const tags = list(o.tags);
  const lang = list(o.lang);
  const type = list(o.type);
  if (tags) f.tags = tags.sort();
  if (lang) f.lang = lang.map((l) => l.toLowerCase()).sort();
  if (type) f.type = type.sort();
  const words = o.words === undefined ? '' : savedSearchText(String(o.words).replace(/^["“]([^]*?)["”]?$/, '$1'));
  if (words) f.words = words;
  return f;
}
