/**
 * A note's digest is its normalised text's sha256, however the reader takes it (issue 31: from the
 * bytes read when they are that text, no UTF-8 copy made): a stored digest must not change, or a
 * start after an upgrade would read every note as changed. Files of every shape the reader
 * normalises, and sizes across the buffer pool's (4 KiB) and the first read's boundaries.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeNoteText, readNoteTextSync } from '../../src/notes/read.js';
import { tempFolder } from '../helpers/temp-folder.js';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

describe('readNoteTextSync digest', () => {
  const dir = tempFolder('notecast-digest-');
  const filler = (n: number) => 'word '.repeat(Math.ceil(n / 5)).slice(0, n);
  const files: Record<string, string | Buffer> = {
    ascii: '---\ntitle: A\n---\nPlain text.\n',
    utf8: '---\ntitle: Ünïcödé 中文\n---\nCafé, 日本語, 🎉 and ١٢٣.\n',
    bom: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('---\ntitle: B\n---\nWith a BOM.\n')]),
    crlf: '---\r\ntitle: C\r\n---\r\nWindows lines.\r\nTwo.\r\n',
    cr: '---\rtitle: D\r---\rOld Mac lines.\r',
    bomCrlf: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('title line\r\nbody ü\r\n')]),
    pool4095: filler(4095),
    pool4096: filler(4096),
    pool4097: 'ü' + filler(4095),
    big: '# Big\n' + filler(300_000) + '\n',
  };

  for (const [name, content] of Object.entries(files)) {
    it(`is the sha256 of the text read, for a ${name} file`, () => {
      const file = path.join(dir, `${name}.md`);
      writeFileSync(file, content);
      const bytes = readFileSync(file);
      const read = readNoteTextSync(dir, file, `${name}.md`, 1 << 20);
      const text = decodeNoteText(`${name}.md`, bytes, 1 << 20);
      expect(read.text).toBe(text);
      expect(read.size).toBe(bytes.length);
      expect(read.hash).toBe(sha256(text));
    });
  }
});
