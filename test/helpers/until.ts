/** Polls `cond` (which may be async) until it holds; fails after `ms` naming what it waited for. */
export async function until(cond: () => boolean | Promise<boolean>, ms: number, what: string, detail: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await cond())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${detail() ? `\n${detail()}` : ''}`);
    // A poll: for a condition no signal announces (a store's row, a thread count); a service's own waits wake on its events (InProcessService.waitFor).
    await new Promise((r) => setTimeout(r, 20));
  }
}
