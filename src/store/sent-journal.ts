/**
 * Posts the platform accepted that the database could not record (the disk full, a SIGTERM while
 * the record was being retried): without a record, the next start would send them again. The
 * journal `<db>.sent` is a file of fixed size, filled with zeros at start while there is room, so
 * that writing an entry later overwrites blocks already on disk and needs no new space. Each entry
 * is a JSON line `{"delivery":id,"nonce":"…","messageId":"…","crosspost":bool}`; the next start records them in
 * the database (as the send would have) before any delivery goes out, then zeroes the file again.
 */
import { closeSync, fdatasyncSync, openSync, readFileSync, writeSync, fstatSync } from 'node:fs';
import { z } from 'zod';

/** Room for about 500 entries: more posts than that unrecorded at once means the disk stayed full for long. */
const SENT_JOURNAL_BYTES = 64 * 1024;

/** `nonce` is the delivery's own (random): an entry is never applied to another database's row of the same id. */
const entrySchema = z.object({ delivery: z.number().int().positive(), nonce: z.string().min(1), messageId: z.string().min(1), crosspost: z.boolean() });
export type SentEntry = z.infer<typeof entrySchema>;

export function sentJournalFile(dbFile: string): string {
  return `${dbFile}.sent`;
}

export class SentJournal {
  private fd: number | undefined;
  private used = 0;

  private constructor(readonly file: string) {}

  /**
   * Opens (making it full size when it is not) the journal beside `dbFile`. Throws when it cannot
   * be made (the disk already full at start): the caller goes on without one and says so.
   */
  static open(dbFile: string): SentJournal {
    const j = new SentJournal(sentJournalFile(dbFile));
    const fd = openSync(j.file, 'a+');
    closeSync(fd);
    j.fd = openSync(j.file, 'r+');
    try {
      const size = fstatSync(j.fd).size;
      if (size < SENT_JOURNAL_BYTES) {
        // Written, not synced: the file system reserves the blocks at the write (a sync would only
        // slow every first start; a file cut short by a power cut is made full size again).
        writeSync(j.fd, Buffer.alloc(SENT_JOURNAL_BYTES - size), 0, SENT_JOURNAL_BYTES - size, size);
      }
      j.used = j.read().bytes;
    } catch (e) {
      j.close();
      throw e;
    }
    return j;
  }

  /** The entries written and not yet cleared, in order; a torn last line (a crash mid-write) is left out. */
  entries(): SentEntry[] {
    return this.read().entries;
  }

  /** Writes one entry in place; false when there is no room left (or the write itself failed). */
  add(e: SentEntry): boolean {
    const line = Buffer.from(`${JSON.stringify(e)}\n`);
    if (this.fd === undefined || this.used + line.length > SENT_JOURNAL_BYTES) return false;
    try {
      writeSync(this.fd, line, 0, line.length, this.used);
      fdatasyncSync(this.fd);
      this.used += line.length;
      return true;
    } catch {
      return false;
    }
  }

  /** Zeroes what was written, once the database holds it (overwriting in place, again needing no new space). */
  clear(): void {
    if (this.fd === undefined || this.used === 0) return;
    writeSync(this.fd, Buffer.alloc(this.used), 0, this.used, 0);
    fdatasyncSync(this.fd);
    this.used = 0;
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }

  private read(): { entries: SentEntry[]; bytes: number } {
    const text = readFileSync(this.file).toString('utf8');
    const end = text.indexOf('\0');
    const written = end < 0 ? text : text.slice(0, end);
    const entries: SentEntry[] = [];
    let bytes = 0;
    for (const line of written.split('\n').slice(0, -1)) {
      bytes += Buffer.byteLength(line) + 1;
      try {
        const parsed = entrySchema.safeParse(JSON.parse(line));
        if (parsed.success) entries.push(parsed.data);
      } catch {
        // not JSON: a line torn by a crash; the ones around it still count
      }
    }
    return { entries, bytes };
  }
}
