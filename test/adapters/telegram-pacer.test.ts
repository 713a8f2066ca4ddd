/** The Telegram pacer's group minute, on a fake clock. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Pacer, TELEGRAM_GROUP_WINDOW_MS } from '../../src/adapters/telegram/pacer.js';

beforeEach(() => vi.useFakeTimers({ now: 0 }));
afterEach(() => vi.useRealTimers());

describe('Pacer', () => {
  it('counts a group’s minute from when each send was answered, so a slow trip cannot land a send inside it', async () => {
    const pacer = new Pacer({ perSecond: 1000, perChatMs: 0, perGroupPerMinute: 2 });
    const first = await pacer.acquire('-100');
    await vi.advanceTimersByTimeAsync(3000); // Telegram received it somewhere in these 3 s
    first();
    (await pacer.acquire('-100'))();
    let third = false;
    void pacer.acquire('-100').then(() => (third = true));
    await vi.advanceTimersByTimeAsync(62_999 - 3000);
    expect(third).toBe(false); // counted from the send (0) it would be out at 60 s
    await vi.advanceTimersByTimeAsync(1);
    expect(third).toBe(true);
  });

  it('holds a group’s sends past its count for the window it is given (a test’s shorter one), Telegram’s minute without', async () => {
    expect(TELEGRAM_GROUP_WINDOW_MS).toBe(60_000);
    const pacer = new Pacer({ perSecond: 1000, perChatMs: 0, perGroupPerMinute: 2 }, Date.now, 5000);
    const send = async () => {
      const slot = pacer.acquire('-100');
      await vi.advanceTimersByTimeAsync(1); // the global 1 ms between sends, then its answer
      (await slot)();
    };
    await send(); // reserved at 0, answered at 1
    await send(); // at 1, answered at 2
    let third = false;
    void pacer.acquire('-100').then(() => (third = true));
    await vi.advanceTimersByTimeAsync(4998); // 5000: the first's window (from its answer, at 1) still holds it
    expect(third).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(third).toBe(true);
  });

  it('counts a chat’s second from the answer too', async () => {
    const pacer = new Pacer({ perSecond: 1000, perChatMs: 1000, perGroupPerMinute: 20 });
    const first = await pacer.acquire('42');
    await vi.advanceTimersByTimeAsync(400); // a slow trip
    first();
    let second = false;
    void pacer.acquire('42').then(() => (second = true));
    await vi.advanceTimersByTimeAsync(999);
    expect(second).toBe(false); // counted from the send it would be out at 1 s
    await vi.advanceTimersByTimeAsync(1);
    expect(second).toBe(true);
  });
});
