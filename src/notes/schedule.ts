/**
 * A subscription's digest schedule (`/subscribe … digest:"daily 09:00" tz:Europe/Paris`): the new
 * notes it matches are gathered and posted as one digest at that time of day in the chat's time
 * zone, instead of one post each. Pure: times are computed from the clock given.
 */
import { z } from 'zod';

/** A time of day, `HH:MM` on a 24-hour clock. */
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** An IANA time zone name the runtime knows (`Europe/Paris`, `Asia/Tokyo`, `UTC`); offsets and abbreviations are not. */
export function isTimeZone(tz: string): boolean {
  if (tz !== 'UTC' && !/^[A-Za-z_]+(?:\/[A-Za-z0-9_+-]+)+$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const digestScheduleSchema = z
  .object({
    /** The time of day the digest goes out, `HH:MM`. */
    at: z.string().regex(TIME_OF_DAY, 'a digest time is HH:MM on a 24-hour clock (09:00, 18:30)'),
    /** The IANA time zone that time is in. */
    tz: z.string().refine(isTimeZone, 'not an IANA time zone name (such as Europe/Paris, America/New_York or UTC)'),
  })
  .strict();

export type DigestSchedule = z.output<typeof digestScheduleSchema>;

/** Reads what was typed after `digest:`: `daily 09:00` (or `09:00`); undefined when it is not that. */
export function parseDigestTime(text: string): string | undefined {
  const m = /^(?:daily\s+)?(\d{1,2}):(\d{2})$/i.exec(text.trim());
  if (!m) return undefined;
  const at = `${m[1]!.padStart(2, '0')}:${m[2]}`;
  return TIME_OF_DAY.test(at) ? at : undefined;
}

export function describeSchedule(s: DigestSchedule): string {
  return `digest:"daily ${s.at}" tz:${s.tz}`;
}

const DAY_MS = 86_400_000;

/** Wall-clock fields of `t` in `tz`. */
function wallClock(t: number, tz: string): { y: number; mo: number; d: number; h: number; mi: number } {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric' }).formatToParts(t);
  const get = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  return { y: get('year'), mo: get('month'), d: get('day'), h: get('hour'), mi: get('minute') };
}

/** How far `tz` is ahead of UTC at `t`, in ms (to the minute). */
function offsetAt(t: number, tz: string): number {
  const w = wallClock(t, tz);
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi) - Math.floor(t / 60_000) * 60_000;
}

/**
 * The instant the wall clock in `tz` first reads that day at `h:mi`. A time the clocks skip (a DST
 * change forward, even one at midnight): the instant they jump, the first that day after it; never the
 * day before. A time read twice (back): the first.
 */
function instantOf(y: number, mo: number, d: number, h: number, mi: number, tz: string): number {
  const asUtc = Date.UTC(y, mo - 1, d, h, mi);
  // Offsets around that day (at most one change a day); an instant is one whose own offset gives that wall clock.
  const offsets = [...new Set([-DAY_MS, 0, DAY_MS].map((dt) => offsetAt(asUtc + dt, tz)))];
  const exact = offsets.map((o) => asUtc - o).filter((t) => asUtc - t === offsetAt(t, tz));
  if (exact.length) return Math.min(...exact);
  // Skipped: between the wall clock read with the offset before (too early) and after (past it) lies the jump.
  let early = asUtc - Math.max(...offsets);
  let late = asUtc - Math.min(...offsets);
  while (late - early > 60_000) {
    const mid = early + Math.floor((late - early) / 120_000) * 60_000;
    if (mid + offsetAt(mid, tz) < asUtc) early = mid;
    else late = mid;
  }
  return late;
}

/** The first time after `now` the schedule's time of day comes in its zone. */
export function nextDigestAt(s: DigestSchedule, now: number): number {
  const [h, mi] = s.at.split(':').map(Number) as [number, number];
  const today = wallClock(now, s.tz);
  for (let day = 0; day < 3; day++) {
    const date = new Date(Date.UTC(today.y, today.mo - 1, today.d + day));
    const at = instantOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), h, mi, s.tz);
    if (at > now) return at;
  }
  return now + 86_400_000; // not reached: some day within three has the time after now
}
