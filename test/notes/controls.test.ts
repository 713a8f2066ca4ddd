/** Front matter `notecast:` controls: read and validated like the rest, acted on by decide and routing. */
import { describe, expect, it } from 'vitest';
import { NoteError } from '../../src/errors.js';
import { parseNote } from '../../src/notes/read.js';
import { DEFAULT_FILE_LANGS } from '../../src/notes/lang.js';
import { noteInfo } from '../../src/notes/info.js';
import { buildSummary } from '../../src/summary/build.js';
import { decideNote, type Policy } from '../../src/publish/decide.js';
import { routeTargets, postControlsOf } from '../../src/publish/route.js';
import { configSchema, type Route } from '../../src/config/schema.js';
import type { Subscription } from '../../src/store/types.js';

const read = { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [...DEFAULT_FILE_LANGS], site: { url: '', baseurl: '', permalink: 'date', collections: {} } };
const policy: Policy = { onChange: 'edit', onDelete: 'keep', firstRun: false, announceExisting: false };
const NOW = Date.parse('2026-01-01T00:00:00Z');

function parsed(text: string) {
  const { note, tokens } = parseNote('n-en.md', Buffer.from(text), read);
  return { note, summary: buildSummary(note, tokens) };
}

function errorOf(text: string): NoteError {
  try {
    parsed(text);
  } catch (e) {
    if (e instanceof NoteError) return e;
    throw e;
  }
  throw new Error('expected a NoteError');
}

describe('front matter notecast: controls', () => {
  it('reads announce, silent and routes under one key, and the older top-level announce: again', () => {
    const { note } = parsed('---\ntitle: T\nnotecast:\n  silent: true\n  routes: [releases, fr]\n---\nBody.\n');
    expect(noteInfo(note).controls).toEqual({ silent: true, routes: ['releases', 'fr'] });
    expect(noteInfo(parsed('---\nannounce: again\n---\nBody.\n').note).controls).toEqual({ announce: 'again' });
    expect(noteInfo(parsed('---\ntitle: T\n---\nBody.\n').note).controls).toBeUndefined(); // records without controls stay as before
  });

  it('names the file, the line and the key of a control that is wrong', () => {
    const wrong = errorOf('---\ntitle: T\nnotecast:\n  announce: true\n  silent: loudly\n---\nBody.\n');
    expect(wrong.line).toBe(5);
    expect(wrong.message).toMatch(/`notecast\.silent`: silent must be true or false \(got "loudly"\)/);
    const unknown = errorOf('---\ntitle: T\nnotecast:\n  silence: true\n---\nBody.\n');
    expect(unknown.line).toBe(4);
    expect(unknown.message).toMatch(/`notecast\.silence`/);
    const empty = errorOf('---\nnotecast: { routes: [] }\n---\nBody.\n');
    expect(empty.line).toBe(2);
    expect(empty.message).toMatch(/at least one route/);
    expect(errorOf('---\nnotecast:\n  announce: later\n---\nBody.\n').message).toMatch(/announce must be false, true or again/);
    const pin = errorOf('---\ntitle: T\nnotecast:\n  pin: yes please\n---\nBody.\n');
    expect(pin.line).toBe(4);
    expect(pin.message).toMatch(/`notecast\.pin`: pin must be true or false/);
  });

  it('announce: false records the note without announcing it; taking it out announces it', () => {
    const off = parsed('---\ntitle: T\nnotecast: { announce: false }\n---\nBody one.\n');
    const d = decideNote(undefined, off.note, off.summary, NOW, policy);
    expect(d.action).toEqual({ type: 'none', why: 'notecast.announce: false' });
    expect(d.row.announced).toBe(false);
    const on = parsed('---\ntitle: T\n---\nBody one.\n');
    expect(decideNote(d.row, on.note, on.summary, NOW, policy).action.type).toBe('announce');
  });

  it('announce: false on an announced note leaves its posts; taking it out brings them up to date', () => {
    const first = parsed('---\ntitle: T\n---\nBody one.\n');
    const live = decideNote(undefined, first.note, first.summary, NOW, policy).row;
    const off = parsed('---\ntitle: T\nnotecast: { announce: false }\n---\nBody two, changed.\n');
    const held = decideNote(live, off.note, off.summary, NOW, policy);
    expect(held.action.type).toBe('controls'); // posts still queued are called off; sent ones stay
    expect(held.row.summary).toEqual(live.summary);
    expect(decideNote(held.row, off.note, off.summary, NOW, policy).action.type).toBe('none'); // saved again as it is: nothing
    const back = parsed('---\ntitle: T\n---\nBody two, changed.\n');
    expect(decideNote(held.row, back.note, back.summary, NOW, policy).action.type).toBe('update');
  });

  it('notecast: { announce: again } posts the next change anew, as the top-level key does', () => {
    const first = parsed('---\ntitle: T\n---\nBody one.\n');
    const live = decideNote(undefined, first.note, first.summary, NOW, policy).row;
    const again = parsed('---\ntitle: T\nnotecast: { announce: again }\n---\nBody two.\n');
    expect(decideNote(live, again.note, again.summary, NOW, policy).action.type).toBe('repost');
  });

  it('routes: only the config routes of those names get the note, and no subscription', () => {
    const routes: Route[] = [
      { platform: 'console', chat: 'a', name: 'releases' },
      { platform: 'console', chat: 'b', name: 'fr' },
      { platform: 'console', chat: 'c' },
    ];
    const subs = [{ id: 1, target: { platform: 'console', chat: 'sub', thread: '' }, filter: {} }] as unknown as Subscription[];
    const enabled = new Set(['console']);
    const picked = noteInfo(parsed('---\nnotecast: { routes: [releases] }\n---\nBody.\n').note);
    expect(routeTargets(picked, routes, subs, enabled).map((t) => t.chat)).toEqual(['a']);
    const plain = noteInfo(parsed('---\ntitle: T\n---\nBody.\n').note);
    expect(routeTargets(plain, routes, subs, enabled).map((t) => t.chat)).toEqual(['a', 'b', 'c', 'sub']);
    expect(postControlsOf(plain)).toEqual({});
    expect(postControlsOf(noteInfo(parsed('---\nnotecast: { silent: true }\n---\nBody.\n').note))).toEqual({ silent: true });
    expect(postControlsOf(noteInfo(parsed('---\nnotecast: { pin: true, silent: false }\n---\nBody.\n').note))).toEqual({ pin: true });
  });

  it("the note's description, excerpt or text before its excerpt_separator is the first key point", () => {
    const text = (p: { text: string }[]) => p.map((r) => r.text).join('');
    const body = 'Tokio runs futures on a thread pool. Tasks are cheap to spawn. Channels pass messages between tasks.\n';
    const plain = parsed(`---\ntitle: T\n---\n${body}`).summary.keyPoints.map(text);
    expect(plain[0]).toBe('Tokio runs futures on a thread pool.');
    const described = parsed(`---\ntitle: T\ndescription: "How **Tokio** schedules work,  in short."\n---\n${body}`).summary.keyPoints.map(text);
    expect(described[0]).toBe('How Tokio schedules work, in short.');
    expect(described.slice(1)).toContain('Tokio runs futures on a thread pool.');
    expect(parsed(`---\ntitle: T\nexcerpt: An excerpt.\n---\n${body}`).summary.keyPoints.map(text)[0]).toBe('An excerpt.');
    const cut = parsed(`---\ntitle: T\nexcerpt_separator: <!--more-->\n---\nThe part before.\n\n<!--more-->\n\n${body}`).summary.keyPoints.map(text);
    expect(cut[0]).toBe('The part before.');
    expect(cut.filter((p) => p === 'The part before.')).toHaveLength(1); // not twice
  });

  it('config: route names are checked and must be unique', () => {
    const twice = configSchema.safeParse({ routes: [{ platform: 'console', chat: 'a', name: 'x' }, { platform: 'console', chat: 'b', name: 'x' }] });
    expect(twice.success).toBe(false);
    expect(JSON.stringify(twice.error?.issues)).toMatch(/used twice/);
    expect(configSchema.safeParse({ routes: [{ platform: 'console', chat: 'a', name: 'has space' }] }).success).toBe(false);
    expect(configSchema.safeParse({ routes: [{ platform: 'console', chat: 'a', name: 'x' }, { platform: 'console', chat: 'b', name: 'y' }] }).success).toBe(true);
  });
});
