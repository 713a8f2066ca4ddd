/** `notecast preview` and `notecast check`: what would be posted, and what is wrong. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { ConfigError, type NoteProblem } from '../errors.js';
import { readOptions, resolveSite } from '../config/load.js';
import { routesWithoutToken } from '../config/env.js';
import { loadCommandConfig } from './command-config.js';
import { notesFolderProblem } from './paths.js';
import type { Config } from '../config/schema.js';
import { readNoteTextSync, type Note, type ReadOptions } from '../notes/read.js';
import { controlsOf } from '../notes/frontmatter.js';
import { frontMatterLine } from '../notes/fm-lines.js';
import { parseNoteFiles } from '../publish/parse-files.js';
import type { ParseThreads } from '../publish/parse-pool.js';
import { OUTSIDE_LINK, scanNotes } from '../notes/scan.js';
import { summaryOptionsOf, type Summary } from '../summary/shape.js';
import { pointText } from '../summary/inline.js';
import { renderPlainText } from '../render/text.js';
import { Templates } from '../render/templates/compile.js';
import { payloadsFor, TemplateRenderError } from '../render/templates/payloads.js';
import { alsoInAmong, routePayloads } from './preview-payloads.js';
import { describeControls, familyControls } from './controls.js';
import type { Io } from './io.js';
import { databaseRefusal, heldRemovalsIn, heldRemovalsText } from './status.js';
import { heldFileText } from '../publish/held-files.js';
import { familyKeysAmong } from '../publish/family-key.js';
import { choiceSentence } from '../publish/family-folder.js';
import { keptFamilies, keptFamily, storedFamiliesIn, type StoredFamily } from './stored-families.js';
import { countOf } from '../util/text.js';
import { languageName, pathLanguage } from '../notes/lang.js';

/**
 * Expands arguments into (root, file) pairs: a directory is a notes root, a file's root is `root`.
 * `onOutside` hears of each symlink in a folder that leads out of it (not read, as `start` and `check` do).
 */
async function expand(args: string[], defaultRoot: string, onOutside: (link: string) => void): Promise<{ root: string; file: string }[]> {
  const out: { root: string; file: string }[] = [];
  for (const a of args) {
    const st = await stat(a).catch(() => undefined);
    if (st?.isDirectory()) for (const f of await scanNotes(a, onOutside)) out.push({ root: a, file: f });
    else {
      // A lone file is read relative to the notes root when inside it, else relative to the site
      // folder above its `_posts`/`_collection` folder, else to its own folder.
      const abs = path.resolve(a);
      const rootAbs = path.resolve(defaultRoot);
      const parts = abs.split(path.sep);
      const underscore = parts.findIndex((p, i) => i < parts.length - 1 && p.startsWith('_') && p.length > 1);
      const root = abs.startsWith(rootAbs + path.sep) ? rootAbs : underscore > 0 ? parts.slice(0, underscore).join(path.sep) : path.dirname(abs);
      out.push({ root, file: abs });
    }
  }
  return out;
}

export interface PreviewOptions {
  json?: boolean;
  config?: string;
  jekyllConfig?: string;
}

/** The config, how notes are read, and the templates, compiled and checked (a ConfigError names the template's file and line). */
function loadAll(opts: { config?: string; jekyllConfig?: string }): { config: Config; source: string | undefined; read: ReadOptions; templates: Templates } {
  const { config, source } = loadCommandConfig(opts.config);
  const site = resolveSite(config, opts.jekyllConfig);
  return { config, source, read: readOptions(config, site), templates: Templates.fromConfig(config, site, source) };
}

/** `threads`: idle parse threads to take from and give back (ProgramContext.parseThreads); without, its own. */
export async function runPreview(args: string[], opts: PreviewOptions, io: Io, threads?: ParseThreads): Promise<number> {
  let loaded;
  try {
    loaded = loadAll(opts);
  } catch (e) {
    if (e instanceof ConfigError) {
      io.err(e.message);
      return 2;
    }
    throw e;
  }
  const { config, read, templates } = loaded;
  let failed = 0;
  const files = await expand(args.length ? args : [config.notes.dir], config.notes.dir, (link) => {
    failed++;
    const shown = path.relative(process.cwd(), link) || link;
    if (opts.json) io.out(JSON.stringify({ file: shown, ok: false, error: { message: OUTSIDE_LINK, line: null } }));
    else io.err(`${shown}: ${OUTSIDE_LINK}`);
  });
  // Read first, print after: each note's output names the family members found among these files.
  const read1: Array<{ shown: string; note: Note; summary: Summary; words: string }> = [];
  for (const r of await parseNoteFiles(files, { read, summary: summaryOptionsOf(config), budgetMs: config.notes.parseTimeoutMs }, threads)) {
    const shown = path.relative(process.cwd(), r.file) || r.file;
    if (r.ok) read1.push({ shown, note: r.note, summary: r.summary, words: r.words });
    else {
      const e = r.error;
      failed++;
      if (opts.json) io.out(JSON.stringify({ file: shown, ok: false, error: { message: e.message, line: e.line ?? null, more: e.more.map((p) => ({ message: p.message, line: p.line ?? null })) } }));
      else for (const p of e.problems()) io.err(`${shown}${at(p.line)}: ${p.message}`);
    }
  }
  // Families as `start` makes them: a second note of a language under one key is a family of its own.
  const { keyOf } = familyKeysAmong(read1.map((r) => r.note));
  for (const r of read1) r.note = { ...r.note, translationKey: keyOf.get(r.note.id) ?? r.note.translationKey };
  const families = new Map<string, string[]>();
  for (const { note } of read1) families.set(note.translationKey, [...(families.get(note.translationKey) ?? []), note.id]);
  for (const { shown, note, summary, words } of read1) {
    try {
      previewOne(shown, note, summary, words);
    } catch (e) {
      // A template that fails on this note's values (a filter throwing, a key it lacks) is this note's error.
      if (!(e instanceof TemplateRenderError)) throw e;
      failed++;
      if (opts.json) io.out(JSON.stringify({ file: shown, ok: false, error: { message: e.message, line: null } }));
      else io.err(`${shown}: ${e.message}`);
    }
  }
  return failed ? 1 : 0;

  function previewOne(shown: string, note: Note, summary: Summary, words: string): void {
    const r = { ...payloadsFor({ summary }, templates.global), text: renderPlainText(summary) };
    const members = families.get(note.translationKey)!;
    if (opts.json) {
      io.out(
        JSON.stringify({
          file: shown,
          ok: true,
          note: { id: note.id, title: note.title, lang: note.lang, date: summary.date ?? null, tags: note.tags, url: note.url ?? null, draft: note.draft },
          family: { key: note.translationKey, members },
          controls: familyControls(describeControls(note, config.routes, words), members.length > 1 && config.publish.translations.mode === 'group'),
          summary: { title: summary.title, url: summary.url ?? null, keyPoints: summary.keyPoints.map(pointText), links: summary.links },
          discord: r.discord,
          telegram: r.telegram,
          text: r.text,
          routes: routePayloads(note, summary, alsoInAmong(note, read1, config), config, templates, words, read1),
        }),
      );
    } else {
      const others = members.length > 1 ? ` (translations here: ${members.length - 1})` : '';
      io.out(`── ${shown}${note.draft ? ' (draft: not announced)' : ''}${others}\n${r.text}\n`);
    }
  }
}

/** `threads`: as runPreview's. */
export async function runCheck(dir: string | undefined, opts: { config?: string; jekyllConfig?: string }, io: Io, threads?: ParseThreads): Promise<number> {
  let problems = 0;
  let loaded;
  try {
    loaded = loadAll(opts);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    for (const line of e.message.split('\n')) io.out(line);
    return 1;
  }
  const root = dir ?? loaded.config.notes.dir;
  // Nothing to check is not "0 problems": a mistyped folder (or a corpus that is missing) must fail.
  const folderProblem = notesFolderProblem(root);
  if (folderProblem) {
    io.err(folderProblem);
    return 1;
  }
  const files = await scanNotes(root, (link) => {
    problems++;
    io.out(`${link}: ${OUTSIDE_LINK}`);
  }).catch((e: NodeJS.ErrnoException) => {
    io.out(`${root}: cannot read the notes folder: ${e.code ?? String(e)}`);
    problems++;
    return [] as string[];
  });
  const { config } = loaded;
  // The state the configured `start` would run on: refused there, it is a problem here too.
  const refusal = databaseRefusal(config.store.path);
  if (refusal) {
    problems++;
    io.out(`${config.store.path}: ${refusal}`);
  }
  const parsed: Note[] = [];
  for (const r of await parseNoteFiles(files.map((file) => ({ root, file })), { read: loaded.read, summary: summaryOptionsOf(config), budgetMs: config.notes.parseTimeoutMs }, threads)) {
    if (r.ok) {
      parsed.push(r.note);
      const controls = describeControls(r.note, config.routes, r.words);
      const routeProblems = [
        ...controls.unknownRoutes.map((name) => ({ name, message: `front matter \`notecast.routes\`: no route in the config is named "${name}"` })),
        ...controls.excludedRoutes.map((name) => ({ name, message: `front matter \`notecast.routes\`: the route "${name}" has a filter that leaves this note out (it is not sent there)` })),
      ];
      for (const p of routeNameProblems(routeProblems, r.note, r.file, root, loaded.read)) {
        problems++;
        io.out(`${path.join(root, r.note.file)}${at(p.line)}: ${p.message}`);
      }
      continue;
    }
    // Every problem of the note, each on its line (all wrong front matter keys at once).
    for (const p of r.error.problems()) {
      problems++;
      io.out(`${path.join(root, r.error.file)}${at(p.line)}: ${p.message}`);
    }
  }
  const held = heldRemovalsIn(config.store.path); // waiting for the operator or the removal window, as `status` says: no note's problem, a warning
  const heldLines = [...(held?.removals ? [`${config.store.path}: held removals: ${heldRemovalsText(held.removals)}`] : []), ...(held?.files ?? []).map((h) => `${config.store.path}: held file: ${heldFileText(h)}`)];
  const warnings = [...tokenLines(loaded.source, config), ...langSuffixLines(root, parsed, loaded.read), ...(config.publish.translations.mode === 'group' ? familyConflictLines(root, parsed, storedFamiliesOf(root, config)) : []), ...heldLines];
  for (const line of warnings) io.out(line);
  const warned = warnings.length ? `, ${countOf(warnings.length, 'warning')}` : '';
  // As preview's controls say per note: files the Jekyll site does not publish are read, and never announced.
  const unpublished = parsed.filter((n) => n.unpublishedBy).length;
  const notSite = unpublished ? `, ${countOf(unpublished, 'file')} the Jekyll site does not publish (not announced)` : '';
  io.err(`${countOf(files.length, 'note')} checked, ${countOf(problems, 'problem')}${warned}${notSite}`);
  return problems ? 1 : 0;
}

function at(line: number | undefined): string {
  return line ? `:${line}` : '';
}

/** Problems with names in the note's `notecast.routes` (no such route, its filter leaves the note out), each on the line the name is written. */
function routeNameProblems(named: { name: string; message: string }[], note: Note, file: string, root: string, read: ReadOptions): NoteProblem[] {
  if (!named.length) return [];
  const asked = controlsOf(note.frontMatter).routes ?? [];
  let text: string | undefined;
  try {
    text = readNoteTextSync(root, file, note.file, read.maxBytes).text;
  } catch {
    text = undefined; // changed or gone since it was read: the problem stands, without its line
  }
  return named.map(({ name, message }) => ({
    message,
    line: text === undefined ? undefined : frontMatterLine(text, ['notecast', 'routes', asked.indexOf(name)]),
  }));
}

/** A route `start` would refuse in this environment (its platform's token unset): a warning, since `check` often runs where no token is. */
function tokenLines(source: string | undefined, config: Config): string[] {
  return routesWithoutToken(config.routes, process.env).map(
    (r) => `${source ?? 'config'}: routes.${r.index}: warning: ${r.platform} needs ${r.variable}, which is not set here: \`start\` refuses this route without it`,
  );
}

/** The families the configured database keeps, when `check` reads the folder that database follows (else its ids are another folder's). */
function storedFamiliesOf(root: string, config: Config): { file: string; families: ReadonlyMap<string, StoredFamily> } | undefined {
  if (path.resolve(root) !== path.resolve(config.notes.dir)) return undefined;
  const families = storedFamiliesIn(config.store.path);
  return families ? { file: config.store.path, families } : undefined;
}

/**
 * Two notes of one language sharing a translation key: announced as two notes (see family-key.ts), said here as a
 * warning; and the family a translation joined among several of its key. A note the configured database keeps in
 * another family than the rule gives (grouped before the rule: stored-families.ts) is said in the one `start` keeps.
 */
function familyConflictLines(root: string, notes: readonly Note[], stored?: { file: string; families: ReadonlyMap<string, StoredFamily> }): string[] {
  const { keyOf, ...ruled } = familyKeysAmong(notes);
  const fileOf = new Map(notes.map((n) => [n.id, path.join(root, n.file)]));
  const kept = notes.flatMap((n) => {
    const key = keptFamily(stored?.families ?? null, n, keyOf.get(n.id) ?? n.translationKey);
    return key === undefined ? [] : [{ note: n, key, ruled: keyOf.get(n.id) ?? n.translationKey }];
  });
  // The notes the database has no family for are decided as `start` decides them: beside the families it keeps (tester 37,
  // F2). Of a key whose notes it keeps apart from the rule, the rule's lines would name families `start` does not make: each
  // note it keeps is said in its family instead.
  const inStore = keptFamilies(stored?.families ?? null, notes);
  const apart = new Set(kept.map((k) => k.note.translationKey));
  const writtenOf = new Map(notes.map((n) => [n.id, n.translationKey]));
  const ruledFor = (id: string) => inStore.has(id) && !apart.has(writtenOf.get(id) ?? '');
  const beside = inStore.size > 0 ? familyKeysAmong(notes, inStore) : undefined;
  const conflicts = beside ? [...ruled.conflicts.filter((c) => ruledFor(c.other.id)), ...beside.conflicts] : ruled.conflicts;
  const joins = beside ? [...ruled.joins.filter((j) => ruledFor(j.note.id)), ...beside.joins] : ruled.joins;
  const keptIds = new Set(kept.map((k) => k.note.id));
  const alsoKept = notes.filter((n) => inStore.has(n.id) && apart.has(n.translationKey) && !keptIds.has(n.id));
  return [
    ...conflicts.map((c) => `${path.join(root, c.other.file)}: warning: shares the translation key "${c.key}" with ${path.join(root, c.holder.file)}, both in language ${c.lang}: they are announced as two notes, not one family; give one of them its own translationKey`),
    // A translation whose key names several of those families: which one it joined, and why (tester 34, F8).
    ...joins.map((j) => `${path.join(root, j.note.file)}: warning: ${choiceSentence(j.note.id, j.written, j.choice, (id) => fileOf.get(id) ?? id)}`),
    ...kept.map((k) => `${path.join(root, k.note.file)}: warning: is in the translation family "${k.key}" in ${stored?.file}, as it was grouped when announced, and \`start\` keeps it there (read without the database, the folder rule would put it in "${k.ruled}"); give the notes their own translationKey to choose`),
    ...alsoKept.map((n) => `${path.join(root, n.file)}: warning: is in the translation family "${inStore.get(n.id)}" in ${stored?.file}, as it was grouped when announced, and \`start\` keeps it there; give the notes their own translationKey to choose`),
  ];
}

/**
 * A file name whose `-xx` suffix names another language than its language folder: the folder
 * decides and the suffix stays part of the name (notes/lang.ts, pathLanguage), said here because
 * the author may have meant the suffix. A note whose front matter says its `lang` decided itself.
 */
function langSuffixLines(root: string, notes: readonly Note[], read: ReadOptions): string[] {
  const lines: string[] = [];
  for (const note of notes) {
    const { suffix, folder, disagrees } = pathLanguage(note.file, read.fileLangs);
    if (!disagrees || note.frontMatter.lang !== undefined || !suffix || !folder) continue;
    lines.push(`${path.join(root, note.file)}: warning: its name ends in "-${suffix}" (${languageName(suffix)}) but it is in the language folder "${folder}": read as ${languageName(folder)}, with "-${suffix}" part of its name and translation key; set \`lang:\` in its front matter if it is not`);
  }
  return lines;
}
