/**
 * The preview page in a real browser (Debian's chromium driven by playwright-core): over a copy of
 * corpus notes, every note's Discord embed and Telegram message show exactly the payload's text,
 * the search box filters, a saved note changes the page without a reload (Server-Sent Events from
 * the watcher), a note's hostile text stays text, and the light and dark themes are screenshotted
 * (PREVIEW_SCREENSHOTS=dir keeps them; docs/ holds the ones README shows).
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { previewNotesFor, type PreviewNotes } from '../../src/health/preview/notes.js';
import { startPreviewServer, type PreviewServer } from '../../src/health/preview/server.js';
import { silentLogger } from '../../src/log.js';
import { telegramVisibleText } from '../../src/render/telegram.js';
import { copyCorpusNotes, corpusReadOptions } from '../helpers/corpus.js';
import { discordShownText } from './preview-text.js';
import { tempFolder } from '../helpers/temp-folder.js';

const CHROMIUM = '/usr/bin/chromium';
const runs = existsSync(CHROMIUM) || !!process.env.CI;
if (!runs) console.warn(`\n!!! SKIPPED: the preview page's browser test needs ${CHROMIUM} (apt-get install chromium); in CI (env CI set) it runs and fails without it !!!\n`);

const NOTES = [
  '_notes/en/2025-11-08-resume-zsh-jobs-en.md',
  '_notes/de/2025-11-08-resume-zsh-jobs-de.md',
  '_notes/ja/2025-11-08-resume-zsh-jobs-ja.md',
  'notes/2025-07-31-rust-features-example-en.md',
  'notes/2025-10-17-lemon-tea-recipe-en.md',
  'notes/2025-09-18-jackson-array-string-mapping-error-en.md',
  '_posts/zh/2025-10-17-relative-humidity-basics-zh.md',
  '_posts/ar/2025-10-05-llama-4-hype-reality-ar.md',
];
/** The note the screenshots show: code in every point, in Latin script (the machine may lack CJK and emoji fonts). */
const SHOT_NOTE = NOTES[3]!;
const HOSTILE_TITLE = `"><img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
const HOSTILE_NOTE = `---\ntitle: '${HOSTILE_TITLE.replace(/'/g, "''")}'\ndate: 2025-01-01\ntags: ['"><svg onload=window.__pwned=3>']\n---\n\nA note that tries <script>window.__pwned=4</script> and [a link](javascript:window.__pwned=5) and \`<img src=x onerror=window.__pwned=6>\` in code.\n\nSecond paragraph with **bold <b onclick="window.__pwned=7">words</b>** and ||a spoiler||.\n`;

/** What the page shows of `sel` in each note's section: text without the invisible mention breakers. */
async function shown(page: Page, file: string, sel: string): Promise<string[]> {
  return page.$$eval(`section.note[data-file="${file}"] ${sel}`, (els) => els.map((e) => (e.textContent ?? '').replace(/\u200B/g, '')));
}

describe.runIf(runs)('the preview page in chromium', () => {
  let dir: string;
  let notesDir: string;
  let notes: PreviewNotes;
  let server: PreviewServer;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = tempFolder('notecast-preview-');
    notesDir = path.join(dir, 'notes');
    copyCorpusNotes(notesDir, NOTES);
    writeFileSync(path.join(notesDir, 'hostile.md'), HOSTILE_NOTE);
    writeFileSync(path.join(dir, 'notecast.yaml'), 'notes: { dir: notes }\nwatch: { quietMs: 300, mode: native }\n');
    const { config } = loadConfig({ flag: path.join(dir, 'notecast.yaml') });
    notes = previewNotesFor(config, notesDir, corpusReadOptions(), silentLogger());
    await notes.start();
    server = await startPreviewServer(notes, 0, '127.0.0.1');
    context = await chromium.launchPersistentContext(path.join(dir, 'profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1200, height: 900 },
      colorScheme: 'light',
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('dialog', (d) => {
      pageErrors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(server.url);
    await page.waitForSelector('#live:text("live")');
  }, 60_000);

  afterAll(async () => {
    await context?.close();
    await server?.close();
    await notes?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("shows every note's Discord embed and Telegram message with exactly the payload's text", async () => {
    const entries = notes.entries();
    expect(entries.map((e) => e.file).sort()).toEqual([...NOTES, 'hostile.md'].sort());
    expect(await page.$$eval('section.note', (s) => s.length)).toBe(entries.length);
    for (const e of entries) {
      const { discord, telegram } = e.routes[0]!;
      const embed = discord!.embeds[0]!;
      const clean = (s: string) => s.replace(/\u200B/g, '');
      expect(await shown(page, e.file, '.dc-embed-title'), e.file).toEqual([clean(discordShownText(embed.title!))]);
      expect(await shown(page, e.file, '.dc-embed-description'), e.file).toEqual(embed.description ? [clean(discordShownText(embed.description))] : []);
      expect(await shown(page, e.file, '.dc-field-value'), e.file).toEqual((embed.fields ?? []).map((f) => clean(discordShownText(f.value))));
      expect(await shown(page, e.file, '.dc-footer-text'), e.file).toEqual([clean(embed.footer!.text)]);
      expect(await shown(page, e.file, '.tg-text'), e.file).toEqual([clean(telegramVisibleText(telegram!.text))]);
      // Markdown and HTML rendered, not shown: as many code spans and links as the payload has.
      const codes = (telegram!.text.match(/<code>/g) ?? []).length;
      expect(await page.$$eval(`section.note[data-file="${e.file}"] .tg-text code`, (c) => c.length), e.file).toBe(codes);
      expect(await page.$$eval(`section.note[data-file="${e.file}"] .dc-embed-description code`, (c) => c.length), e.file).toBe(codes);
      const links = (telegram!.text.match(/<a href="https?:/g) ?? []).length;
      expect(await page.$$eval(`section.note[data-file="${e.file}"] .tg-text a[href^="http"]`, (a) => a.length), e.file).toBe(links);
    }
    // The family's other languages are linked, as a family announcement links them.
    const en = entries.find((e) => e.file === NOTES[0])!;
    expect(en.routes[0]!.discord!.embeds[0]!.fields?.some((f) => f.name === '🌐')).toBe(true);
    expect(await shown(page, en.file, '.dc-field-name')).toContain('🌐');
  });

  it('keeps a note\'s hostile text as text: no script runs, no element is injected', async () => {
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$eval('script', (s) => s.length)).toBe(1);
    expect(await page.$$eval('img, svg, iframe, [onerror], [onload], [onclick], a[href^="javascript"]', (s) => s.length)).toBe(0);
    expect(await shown(page, 'hostile.md', '.note-title')).toEqual([HOSTILE_TITLE]);
    expect(pageErrors).toEqual([]);
  });

  it('filters notes with the search box', async () => {
    await page.fill('#q', 'zsh');
    const visible = await page.$$eval('section.note', (s) => s.filter((x) => !(x as HTMLElement).hidden).map((x) => (x as HTMLElement).dataset.file));
    expect(visible.sort()).toEqual(NOTES.slice(0, 3).sort());
    await page.fill('#q', '');
    expect(await page.$$eval('section.note:not([hidden])', (s) => s.length)).toBe(NOTES.length + 1);
  });

  it('changes without a reload when a note is saved, and a saved hostile title stays text', async () => {
    const file = NOTES[4]!;
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42)); // gone if the page reloads
    const before = await shown(page, file, '.dc-embed-title');
    const abs = path.join(notesDir, file);
    writeFileSync(abs, readFileSync(abs, 'utf8').replace(/^title: .*$/m, 'title: "Lemon tea, saved"'));
    await page.waitForFunction((f) => document.querySelector(`section.note[data-file="${f}"] .dc-embed-title`)?.textContent?.includes('saved'), file, { timeout: 20_000 });
    expect(await shown(page, file, '.dc-embed-title')).not.toEqual(before);
    const saved = notes.entries().find((e) => e.file === file)!.routes[0]!;
    expect(await shown(page, file, '.dc-embed-title')).toEqual([discordShownText(saved.discord!.embeds[0]!.title!).replace(/\u200B/g, '')]);
    expect(await shown(page, file, '.tg-text')).toEqual([telegramVisibleText(saved.telegram!.text).replace(/\u200B/g, '')]);
    // The hostile note saved: its section comes through the live update (the fetched list), still as text.
    const hostileSaved = `${HOSTILE_TITLE} (saved)`;
    writeFileSync(path.join(notesDir, 'hostile.md'), HOSTILE_NOTE.replace(/^title: .*$/m, `title: '${hostileSaved.replace(/'/g, "''")}'`));
    await page.waitForFunction((t) => document.querySelector('section.note[data-file="hostile.md"] .note-title')?.textContent === t, hostileSaved, { timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.$$eval('script', (s) => s.length)).toBe(1);
  });

  it('shows light and dark themes (prefers-color-scheme and the toggle), screenshotted', async () => {
    const out = process.env.PREVIEW_SCREENSHOTS ?? path.join(dir, 'shots');
    const bg = (sel: string) => page.$eval(sel, (e) => getComputedStyle(e).backgroundColor);
    const embed = `section.note[data-file="${SHOT_NOTE}"] .dc-embed`;
    const light = await bg(embed);
    // The sticky search bar would cover the top of a card scrolled under it.
    await page.$eval('.bar', (e) => ((e as HTMLElement).style.position = 'static'));
    await page.$eval(`section.note[data-file="${SHOT_NOTE}"]`, (e) => e.scrollIntoView());
    await page.locator(`section.note[data-file="${SHOT_NOTE}"] .pane.discord`).screenshot({ path: path.join(out, 'preview-discord-light.png') });
    // The embed's bar is the payload's colour (0x5865f2).
    expect(await page.$eval(embed, (e) => getComputedStyle(e).borderLeftColor)).toBe('rgb(88, 101, 242)');
    await page.click('#theme');
    expect(await page.$eval('html', (e) => e.dataset.theme)).toBe('dark');
    expect(await bg(embed)).not.toBe(light);
    await page.$eval(`section.note[data-file="${SHOT_NOTE}"]`, (e) => e.scrollIntoView());
    await page.locator(`section.note[data-file="${SHOT_NOTE}"] .pane.telegram`).screenshot({ path: path.join(out, 'preview-telegram-dark.png') });
    // Without a choice saved, the system's dark preference applies.
    await page.evaluate(() => localStorage.clear());
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    expect(await page.$eval('html', (e) => e.dataset.theme ?? null)).toBeNull();
    expect(await bg(embed)).not.toBe(light);
    expect(existsSync(path.join(out, 'preview-discord-light.png')) && existsSync(path.join(out, 'preview-telegram-dark.png'))).toBe(true);
  });
});
