/**
 * Plain messages for what a config or front matter value breaks, in place of zod's own wording
 * ("Too small: expected string to have >=1 characters"): passed as the error map of a parse at the
 * edge (`schema.safeParse(v, { error: plainIssueMessage })`). A message a schema gives itself wins.
 */
import type { z } from 'zod';

const KINDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'a mapping of keys to values',
  record: 'a mapping of keys to values',
  array: 'a list',
  tuple: 'a list',
  date: 'a date',
  null: 'empty',
};

/** What a value given is, in the words a message uses. */
function kindOf(v: unknown): string {
  if (v === null || v === undefined) return 'empty';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'a mapping';
  if (typeof v === 'boolean') return String(v);
  return typeof v === 'string' ? 'text' : 'a number';
}

function sizeMessage(iss: { origin?: string; minimum?: unknown; maximum?: unknown; inclusive?: boolean | undefined }, small: boolean): string | undefined {
  const n = Number(small ? iss.minimum : iss.maximum);
  if (!Number.isFinite(n)) return undefined;
  const count = (noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;
  if (iss.origin === 'string') return small ? (n === 1 ? 'must not be empty' : `must be at least ${count('character')}`) : `must be at most ${count('character')}`;
  if (iss.origin === 'array' || iss.origin === 'set') return small ? (n === 1 ? 'must not be an empty list' : `must have at least ${count('item')}`) : `must have at most ${count('item')}`;
  if (iss.origin === 'number' || iss.origin === 'int') {
    const strict = iss.inclusive === false;
    return small ? `must be ${strict ? 'more than' : 'at least'} ${n}` : `must be ${strict ? 'less than' : 'at most'} ${n}`;
  }
  return undefined;
}

/** The zod error map: a plain message for each constraint the schemas use, else zod's (undefined). */
export function plainIssueMessage(iss: z.core.$ZodRawIssue): string | undefined {
  const i = iss as z.core.$ZodRawIssue & Record<string, unknown>;
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return 'is required';
      const want = KINDS[String(i.expected)];
      return want ? `must be ${want}, not ${kindOf(iss.input)}` : undefined;
    }
    case 'too_small':
      return sizeMessage(iss, true);
    case 'too_big':
      return sizeMessage(iss, false);
    case 'invalid_value':
      return Array.isArray(i.values) ? `must be ${(i.values as unknown[]).map((v) => JSON.stringify(v)).join(', ').replace(/, ([^,]*)$/, ' or $1')}` : undefined;
    case 'unrecognized_keys': {
      const keys = (i.keys as string[] | undefined) ?? [];
      return `unknown key${keys.length === 1 ? '' : 's'} ${keys.map((k) => JSON.stringify(k)).join(', ')}`;
    }
    case 'invalid_union':
      return 'is not one of the forms this key takes';
    default:
      return undefined;
  }
}
