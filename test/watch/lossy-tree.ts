/**
 * A generated sequence of file operations over a small tree of notes, applied to the disk, with the
 * paths each reports as @parcel/watcher would (test/fakes/scripted-native.ts) and what each touched:
 * for test/watch/lost-events-property.test.ts (issue 25). Operations pick their notes and folders by
 * index among those that exist when they run, so any generated sequence applies and shrinks well.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';

export type TreeOp =
  | { k: 'write'; note: number; dir: number; fresh: boolean }
  | { k: 'save'; note: number }
  | { k: 'rename'; note: number; dir: number; over: boolean }
  | { k: 'rm'; note: number }
  | { k: 'mkdir'; dir: number; withNote: boolean }
  | { k: 'rmdir'; dir: number }
  | { k: 'mvdir'; dir: number; to: number };

const pick = fc.nat(30);
export const treeOpArb: fc.Arbitrary<TreeOp> = fc.oneof(
  fc.record({ k: fc.constant('write' as const), note: pick, dir: pick, fresh: fc.boolean() }),
  fc.record({ k: fc.constant('save' as const), note: pick }),
  fc.record({ k: fc.constant('rename' as const), note: pick, dir: pick, over: fc.boolean() }),
  fc.record({ k: fc.constant('rm' as const), note: pick }),
  fc.record({ k: fc.constant('mkdir' as const), dir: pick, withNote: fc.boolean() }),
  fc.record({ k: fc.constant('rmdir' as const), dir: pick }),
  fc.record({ k: fc.constant('mvdir' as const), dir: pick, to: pick }),
);

/** What one step did: the paths the library would report, in order, and what they mean for the check. */
export interface StepEffects {
  /** Absolute paths as the source reports them (before any is lost). */
  events: string[];
  /** Notes (relative) written, moved, removed or inside a folder that came or went: the only ones a batch may name this step. */
  touched: Set<string>;
  /** Folders (relative, '' the root) that gained, lost or renamed an entry: their own mtime moved. */
  entriesChanged: Set<string>;
  /** Notes (relative) written in place (not created, not replaced). */
  editedInPlace: Set<string>;
}

/** The tree on disk and as the test knows it: notes with their contents, folders ('' is the root). */
export class LossyTree {
  readonly notes = new Map<string, string>();
  readonly dirs = new Set<string>(['']);
  private serial = 0;

  constructor(readonly root: string) {}

  abs(rel: string): string {
    return rel ? path.join(this.root, rel) : this.root;
  }

  /** Applies one step's operations to the disk at once (one burst). */
  apply(ops: readonly TreeOp[]): StepEffects {
    const fx: StepEffects = { events: [], touched: new Set(), entriesChanged: new Set(), editedInPlace: new Set() };
    for (const op of ops) this.applyOne(op, fx);
    return fx;
  }

  private content(): string {
    return `# note\n\nversion ${++this.serial}\n`;
  }

  private newName(prefix: string): string {
    return `${prefix}${++this.serial}`;
  }

  private noteAt(i: number): string | undefined {
    const all = [...this.notes.keys()].sort();
    return all.length ? all[i % all.length] : undefined;
  }

  private dirAt(i: number, withRoot = true): string | undefined {
    const all = [...this.dirs].filter((d) => withRoot || d).sort();
    return all.length ? all[i % all.length] : undefined;
  }

  private applyOne(op: TreeOp, fx: StepEffects): void {
    switch (op.k) {
      case 'write':
        return this.write(op, fx);
      case 'save':
        return this.saveByRename(op.note, fx);
      case 'rename':
        return this.renameNote(op, fx);
      case 'rm': {
        const note = this.noteAt(op.note);
        if (!note) return;
        rmSync(this.abs(note));
        this.notes.delete(note);
        this.changed(fx, [note], [path.dirname(note)], [note]);
        return;
      }
      case 'mkdir':
        return this.mkdir(op, fx);
      case 'rmdir':
        return this.rmdir(op.dir, fx);
      case 'mvdir':
        return this.mvdir(op, fx);
    }
  }

  /** Records what an operation did: the paths reported (relative), folders whose entries changed, notes touched. */
  private changed(fx: StepEffects, events: string[], dirs: string[], touched: string[]): void {
    fx.events.push(...events.map((e) => this.abs(e)));
    for (const d of dirs) fx.entriesChanged.add(d === '.' ? '' : d);
    for (const t of touched) fx.touched.add(t);
  }

  private write(op: Extract<TreeOp, { k: 'write' }>, fx: StepEffects): void {
    const existing = op.fresh ? undefined : this.noteAt(op.note);
    const note = existing ?? path.join(this.dirAt(op.dir)!, `${this.newName('n')}.md`);
    const content = this.content();
    writeFileSync(this.abs(note), content); // an existing file is truncated and written: an edit in place
    this.notes.set(note, content);
    if (existing) fx.editedInPlace.add(note);
    this.changed(fx, [note], existing ? [] : [path.dirname(note)], [note]);
  }

  /** As `sed -i`, git and many editors save: a new file beside the note, renamed over it. */
  private saveByRename(i: number, fx: StepEffects): void {
    const note = this.noteAt(i);
    if (!note) return;
    const tmp = path.join(path.dirname(note), 'sedXYZ123');
    const content = this.content();
    writeFileSync(this.abs(tmp), content);
    renameSync(this.abs(tmp), this.abs(note));
    this.notes.set(note, content);
    this.changed(fx, [tmp, note], [path.dirname(note)], [note]);
  }

  private renameNote(op: Extract<TreeOp, { k: 'rename' }>, fx: StepEffects): void {
    const from = this.noteAt(op.note);
    if (!from) return;
    const over = op.over ? this.noteAt(op.note + 1 + op.dir) : undefined;
    const to = over && over !== from ? over : path.join(this.dirAt(op.dir)!, `${this.newName('r')}.md`);
    renameSync(this.abs(from), this.abs(to));
    this.notes.set(to, this.notes.get(from)!);
    this.notes.delete(from);
    this.changed(fx, [from, to], [path.dirname(from), path.dirname(to)], [from, to]);
  }

  private mkdir(op: Extract<TreeOp, { k: 'mkdir' }>, fx: StepEffects): void {
    const dir = path.join(this.dirAt(op.dir)!, this.newName('d'));
    mkdirSync(this.abs(dir));
    this.dirs.add(dir);
    const events = [dir];
    const touched: string[] = [];
    if (op.withNote) {
      const note = path.join(dir, `${this.newName('n')}.md`);
      const content = this.content();
      writeFileSync(this.abs(note), content);
      this.notes.set(note, content);
      events.push(note);
      touched.push(note);
    }
    this.changed(fx, events, [path.dirname(dir), dir], touched);
  }

  private under(dir: string): { notes: string[]; dirs: string[] } {
    const inside = (p: string) => p.startsWith(dir + '/');
    return { notes: [...this.notes.keys()].filter(inside), dirs: [...this.dirs].filter(inside) };
  }

  /** `rm -r`: the notes, then the folders deepest first, then the folder, each reported. */
  private rmdir(i: number, fx: StepEffects): void {
    const dir = this.dirAt(i, false);
    if (!dir) return;
    const { notes, dirs } = this.under(dir);
    rmSync(this.abs(dir), { recursive: true });
    for (const n of notes) this.notes.delete(n);
    for (const d of [...dirs, dir]) this.dirs.delete(d);
    const deepestFirst = [...dirs].sort((a, b) => b.length - a.length);
    this.changed(fx, [...notes, ...deepestFirst, dir], [path.dirname(dir), ...dirs, dir], notes);
  }

  /** A folder renamed, possibly into another (never into itself). */
  private mvdir(op: Extract<TreeOp, { k: 'mvdir' }>, fx: StepEffects): void {
    const dir = this.dirAt(op.dir, false);
    if (!dir) return;
    const parents = [...this.dirs].filter((d) => d !== dir && !d.startsWith(dir + '/')).sort();
    const to = path.join(parents[op.to % parents.length]!, this.newName('m'));
    const { notes, dirs } = this.under(dir);
    renameSync(this.abs(dir), this.abs(to));
    const moved = (p: string) => to + p.slice(dir.length);
    for (const n of notes) {
      this.notes.set(moved(n), this.notes.get(n)!);
      this.notes.delete(n);
    }
    for (const d of [...dirs, dir]) {
      this.dirs.delete(d);
      this.dirs.add(moved(d));
    }
    this.changed(fx, [dir, to], [path.dirname(dir), path.dirname(to)], [...notes, ...notes.map(moved)]);
  }
}
