/**
 * A digest's time of day across daylight-saving changes (src/notes/schedule.ts). README: a held note "never goes
 * early". Tester 29-1 F2: on a day a zone's clocks jump forward at midnight (America/Santiago, America/Havana), the
 * digest went an hour before midnight, the day before. The property compares nextDigestAt with a minute-by-minute walk
 * of the zone's wall clock: the digest goes at the first minute of each day that reads its time or later.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { nextDigestAt } from '../../src/notes/schedule.js';

const MINUTE = 60_000;

const formats = new Map<string, Intl.DateTimeFormat>();
/** `YYYY-MM-DD` and minutes since midnight on the zone's wall clock. */
function wall(t: number, tz: string): { date: string; minutes: number } {
  if (!formats.has(tz)) formats.set(tz, new Intl.DateTimeFormat('en-CA', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }));
  const parts = formats.get(tz)!.formatToParts(t);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return { date: `${get('year')}-${get('month')}-${get('day')}`, minutes: Number(get('hour')) * 60 + Number(get('minute')) };
}

/** The first minute after `now` that is some day's first minute reading `at` or later (a day already past it before `now` counts as done). */
function walked(at: string, tz: string, now: number): number {
  const [h, mi] = at.split(':').map(Number) as [number, number];
  const target = h * 60 + mi;
  const reached = (t: number) => wall(t, tz).minutes >= target;
  const start = Math.floor(now / MINUTE) * MINUTE;
  let doneDate = reached(start) ? wall(start, tz).date : undefined;
  for (let t = start + MINUTE; t < start + 3 * 86_400_000; t += MINUTE) {
    const w = wall(t, tz);
    if (w.date === doneDate || !reached(t)) continue;
    if (t > now) return t;
    doneDate = w.date;
  }
  throw new Error('no digest time within three days');
}

describe('nextDigestAt: the first minute of a day that reads the digest time', () => {
  it('on days a zone skips its midnight, the digest goes that day just after the jump, never the evening before (tester 29-1 F2)', () => {
    // Santiago 2026-09-06 and Havana 2027-03-14: 00:00 becomes 01:00.
    expect(new Date(nextDigestAt({ at: '00:30', tz: 'America/Santiago' }, Date.UTC(2026, 8, 6, 2, 0))).toISOString()).toBe('2026-09-06T04:00:00.000Z');
    expect(new Date(nextDigestAt({ at: '00:00', tz: 'America/Havana' }, Date.UTC(2027, 2, 14, 3, 0))).toISOString()).toBe('2027-03-14T05:00:00.000Z');
    // Paris 2026-03-29: 02:00 becomes 03:00; 02:30 is read at 03:00 (01:00 UTC), not 03:30. 2026-10-25: 02:30 comes twice; the first.
    expect(new Date(nextDigestAt({ at: '02:30', tz: 'Europe/Paris' }, Date.UTC(2026, 2, 28, 23, 0))).toISOString()).toBe('2026-03-29T01:00:00.000Z');
    expect(new Date(nextDigestAt({ at: '02:30', tz: 'Europe/Paris' }, Date.UTC(2026, 9, 24, 23, 0))).toISOString()).toBe('2026-10-25T00:30:00.000Z');
  });

  it('agrees with a minute-by-minute walk of the wall clock around the zones\' changes', () => {
    // Each zone on the day before its changes in 2026-2027 (Tokyo and UTC: none), any time of day (mostly the small
    // hours, where changes are), asked at any minute of that day or the next morning.
    const changes: [string, number][] = [
      ['America/Santiago', Date.UTC(2026, 8, 5)], ['America/Santiago', Date.UTC(2026, 3, 4)], ['America/Havana', Date.UTC(2027, 2, 13)], ['America/Havana', Date.UTC(2026, 10, 0)],
      ['Europe/Paris', Date.UTC(2026, 2, 28)], ['Europe/Paris', Date.UTC(2026, 9, 24)], ['America/New_York', Date.UTC(2026, 2, 7)], ['America/New_York', Date.UTC(2026, 9, 31)],
      ['Australia/Lord_Howe', Date.UTC(2026, 3, 4)], ['Australia/Lord_Howe', Date.UTC(2026, 9, 3)], ['Asia/Tokyo', Date.UTC(2026, 2, 28)], ['UTC', Date.UTC(2026, 2, 28)],
    ];
    const arb = fc.record({
      zoneDay: fc.constantFrom(...changes),
      askedAt: fc.integer({ min: 0, max: 36 * 60 - 1 }),
      at: fc.tuple(fc.oneof(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 23 })), fc.constantFrom(0, 15, 30, 45, 59)).map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
    });
    fc.assert(
      fc.property(arb, ({ zoneDay: [tz, day], askedAt, at }) => {
        const now = day + askedAt * MINUTE + 17_000; // a few seconds into a minute
        expect(new Date(nextDigestAt({ at, tz }, now)).toISOString()).toBe(new Date(walked(at, tz, now)).toISOString());
      }),
      { seed: 2902, numRuns: 80 },
    );
  });
});
