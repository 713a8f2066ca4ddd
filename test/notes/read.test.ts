import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorText, NoteError } from '../../src/errors.js';
import { noteIdOf, parseNote, readNoteFile, type ReadOptions } from '../../src/notes/read.js';
import { scanNotes } from '../../src/notes/scan.js';
import { toLocaleTag } from '../../src/notes/lang.js';
import { configSchema } from '../../src/config/schema.js';
import { DEFAULT_SUMMARY_OPTIONS, summaryOptionsOf } from '../../src/summary/build.js';
import { CORPUS_NOTES, corpusReadOptions, manifest } from '../helpers/corpus.js';
import { tempFolder } from '../helpers/temp-folder.js';

const opts = corpusReadOptions();
const plain: ReadOptions = { ...opts, site: { ...opts.site, url: '' } };

function parseText(text: string | Buffer, o: ReadOptions = plain, rel = 'notes/x-en.md') {
  return parseNote(rel, Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), o);
}

function noteError(fn: () => unknown): NoteError {
  try {
    fn();
  } catch (e) {
    if (e instanceof NoteError) return e;
    throw e;
  }
  throw new Error('expected a NoteError');
}

describe('reading the corpus', () => {
  const rows = manifest();

  it('finds every manifest file', async () => {
    const files = (await scanNotes(CORPUS_NOTES)).map((f) => path.relative(CORPUS_NOTES, f));
    expect(files.sort()).toEqual(rows.map((r) => r.path).sort());
  });

  it.each(rows.map((r) => [r.path, r] as const))('%s parses with the URL, title and language of the manifest', async (_p, row) => {
    const { note } = await readNoteFile(CORPUS_NOTES, path.join(CORPUS_NOTES, row.path), opts);
    expect(note.url).toBe(`https://lzwjava.github.io${row.url_path}`);
    // The manifest keeps the raw YAML scalar (quotes, trailing spaces); compare its value.
    expect(note.title).toBe(row.title.trim().replace(/^(["'])(.*)\1$/, '$2'));
    expect(note.id).toBe(row.path.replace(/\.md$/, ''));
    if (row.lang !== '(missing)') expect(note.lang).toBe(row.lang);
    expect(note.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('takes a missing lang from the file name and maps hant to zh-Hant', async () => {
    const { note } = await readNoteFile(CORPUS_NOTES, path.join(CORPUS_NOTES, 'notes/2025-01-16-linear-algebra-zh.md'), opts);
    expect(note.lang).toBe('zh');
    const hant = await readNoteFile(CORPUS_NOTES, path.join(CORPUS_NOTES, '_notes/hant/2025-11-08-resume-zsh-jobs-hant.md'), opts);
    expect(hant.note.lang).toBe('hant');
    expect(hant.note.locale).toBe('zh-Hant');
    expect(toLocaleTag('not a tag!')).toBe('und');
  });

  it('groups translations by file name without language suffix and folder', async () => {
    const en = await readNoteFile(CORPUS_NOTES, path.join(CORPUS_NOTES, 'notes/2025-10-05-llama-4-hype-reality-en.md'), opts);
    const hi = await readNoteFile(CORPUS_NOTES, path.join(CORPUS_NOTES, '_posts/hi/2025-10-05-llama-4-hype-reality-hi.md'), opts);
    expect(en.note.translationKey).toBe('2025-10-05-llama-4-hype-reality');
    expect(hi.note.translationKey).toBe(en.note.translationKey);
  });

  it('takes the date from the file name when front matter has none', async () => {
    const { note } = await readNoteFile(CORPUS_NOTES, path.join(CORPUS_NOTES, '_posts/en/2011-01-26-bee-en.md'), opts);
    expect(note.date?.toISOString().slice(0, 10)).toBe('2011-01-26');
  });
});

describe('front matter and fallbacks', () => {
  it('keeps unknown keys and types known ones', () => {
    const { note } = parseText('---\ntitle: T\ntags: [a, b]\ndraft: true\nfoo: {bar: 1}\n---\nHello world.');
    expect(note.tags).toEqual(['a', 'b']);
    expect(note.draft).toBe(true);
    expect((note.frontMatter as Record<string, unknown>).foo).toEqual({ bar: 1 });
  });

  it('falls back to the first # heading, then the file name', () => {
    expect(parseText('## Not this\n\n# The Title\n\ntext').note.title).toBe('The Title');
    expect(parseText('just text', plain, 'notes/2025-01-02-my-note-en.md').note.title).toBe('2025-01-02-my-note-en');
  });

  it('treats published: false as a draft', () => {
    expect(parseText('---\npublished: false\n---\nx y').note.draft).toBe(true);
  });

  it('forms URLs from a plain permalink pattern and lets the note permalink win', () => {
    const site = { ...opts.site, url: 'https://ex.org', permalink: '/:year/:month/:day/:title/' };
    const o = { ...plain, site };
    expect(parseText('hi there', o, '_posts/2025-03-04-hello-en.md').note.url).toBe('https://ex.org/2025/03/04/hello-en/');
    expect(parseText('---\npermalink: /custom/:title\n---\nhi', o, '_posts/2025-03-04-hello-en.md').note.url).toBe('https://ex.org/custom/hello-en');
  });

  it('reads CRLF and BOM files like any other', () => {
    const crlf = parseText('\uFEFF---\r\ntitle: Windows\r\nlang: en\r\n---\r\n\r\nA line.\r\nAnother.\r\n');
    expect(crlf.note.title).toBe('Windows');
    expect(crlf.note.body).not.toContain('\r');
    const lf = parseText('---\ntitle: Windows\nlang: en\n---\n\nA line.\nAnother.\n');
    expect(crlf.note.hash).toBe(lf.note.hash);
  });
});

describe('bad notes get an error naming file and line', () => {
  it('invalid YAML', () => {
    const e = noteError(() => parseText('---\ntitle: ok\nlang: [en\nfoo: bar\n---\nbody', plain, 'notes/bad.md'));
    expect(e.file).toBe('notes/bad.md');
    expect(e.line).toBeGreaterThanOrEqual(3);
    expect(e.format()).toMatch(/^notes\/bad\.md:\d+: invalid YAML/);
  });

  it('a title that is a list, with the line of the key', () => {
    const e = noteError(() => parseText('---\nlang: en\ntitle:\n  - a\n  - b\n---\nbody'));
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/title/);
  });

  it('a date that cannot be read', () => {
    const e = noteError(() => parseText('---\ntitle: x\ndate: next tuesday\n---\nbody'));
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/date/);
  });

  it('an empty file, and one with only white space', () => {
    expect(noteError(() => parseText('')).message).toMatch(/empty/);
    expect(noteError(() => parseText('  \n\n')).message).toMatch(/empty/);
  });

  it('a file that is not UTF-8, and binary junk', () => {
    const latin1 = Buffer.concat([Buffer.from('line one\nline two caf'), Buffer.from([0xe9]), Buffer.from(' au lait\n')]);
    const e = noteError(() => parseText(latin1));
    expect(e.message).toMatch(/not UTF-8/);
    expect(e.line).toBe(2);
    const bin = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(noteError(() => parseText(bin)).message).toMatch(/not UTF-8|binary/);
    expect(noteError(() => parseText(Buffer.from('abc\0def'))).message).toMatch(/binary/);
  });

  it('front matter that is never closed', () => {
    const e = noteError(() => parseText('---\ntitle: x\n\nbody without end'));
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/not closed/);
  });

  it('a file over the size limit is refused before it is read whole', async () => {
    const dir = tempFolder('notecast-');
    const big = path.join(dir, 'big.md');
    writeFileSync(big, Buffer.alloc(50 * 1024 * 1024, 'a'));
    await expect(readNoteFile(dir, big, plain)).rejects.toThrow(/over the 1048576-byte limit/);
  });

  it('a symlink that leads outside the notes folder is refused, and not scanned', async () => {
    const dir = tempFolder('notecast-');
    const outside = tempFolder('notecast-out-');
    writeFileSync(path.join(outside, 'secret.md'), '# secret\n\nnot yours');
    mkdirSync(path.join(dir, 'notes'));
    symlinkSync(path.join(outside, 'secret.md'), path.join(dir, 'notes', 'link.md'));
    writeFileSync(path.join(dir, 'notes', 'ok.md'), '# ok\n\nfine');
    await expect(readNoteFile(dir, path.join(dir, 'notes', 'link.md'), plain)).rejects.toThrow(/outside the notes folder/);
    expect((await scanNotes(dir)).map((f) => path.basename(f))).toEqual(['ok.md']);
  });

  it('a FIFO named like a note is refused at once as not a regular file, directly or through a link, and not scanned (issue 25, F3)', async () => {
    const dir = tempFolder('notecast-');
    const fifo = path.join(dir, 'pipe.md');
    execFileSync('mkfifo', [fifo]);
    symlinkSync(fifo, path.join(dir, 'link.md'));
    writeFileSync(path.join(dir, 'ok.md'), '# ok\n\nfine');
    // Opening a FIFO for reading waits for a writer: this one comes after 3 s (and would end a read
    // blocked in open, which then took those 3 s), so a read that waits for one fails the test, not hangs it.
    const writer = spawn('sh', ['-c', 'sleep 3; exec 3>"$1"; exec 3>"$1"', 'sh', fifo], { stdio: 'ignore' });
    try {
      for (const p of [fifo, path.join(dir, 'link.md')]) {
        const began = Date.now();
        await expect(readNoteFile(dir, p, plain)).rejects.toThrow(/not a regular file/);
        expect(Date.now() - began).toBeLessThan(1500);
      }
      expect((await scanNotes(dir)).map((f) => path.basename(f))).toEqual(['ok.md']);
    } finally {
      writer.kill();
    }
  });
});

describe('one home per rule (issue 24)', () => {
  it('a note id is its path without the extension, a dot in a folder name kept', () => {
    expect(noteIdOf('_posts/2024-01-02-a.md')).toBe('_posts/2024-01-02-a');
    expect(noteIdOf('notes/x.en.markdown')).toBe('notes/x.en');
    expect(noteIdOf('v1.2/readme')).toBe('v1.2/readme');
    expect(parseNote('v1.2/a.md', Buffer.from('---\ntitle: A\n---\n\nText.\n'), { maxBytes: 1 << 20, defaultLang: 'en', fileLangs: [], site: { url: 'https://ex.org', baseurl: '', permalink: '/:title', collections: {} } }).note.id).toBe('v1.2/a');
  });

  it('the summary options a config asks for, the same for start and preview', () => {
    const config = configSchema.parse({ routes: [], summary: { maxChars: 700, maxPoints: 3, maxLinks: 2 } });
    expect(summaryOptionsOf(config)).toEqual({ maxChars: 700, maxPoints: 3, maxLinks: 2, maxPointChars: DEFAULT_SUMMARY_OPTIONS.maxPointChars });
    expect(summaryOptionsOf(configSchema.parse({ routes: [] }))).toEqual(DEFAULT_SUMMARY_OPTIONS);
  });

  it('the text of a thrown value: an Error its message, anything else as a string', () => {
    expect(errorText(new TypeError('bad'))).toBe('bad');
    expect(errorText('plain')).toBe('plain');
    expect(errorText(42)).toBe('42');
  });
});
