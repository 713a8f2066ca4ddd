/**
 * The model's rule for a run with burst digests (route-model.ts `runSequence`, `digests`: `publish.digest.threshold` 2,
 * so a burst of three new notes for a chat is one digest there). README (Bursts): "more than `publish.digest.threshold`
 * notes at once become one digest per chat"; "A digest line is the note's message in that chat as far as Edits go: a
 * note renamed, retitled or moved to another language folder has its line edited to show its new title and link (the
 * digest is edited, nothing is posted …)"; with `onDelete: delete`, "a note of a digest … that is deleted or drafted
 * takes only its line out … the note put back is posted on its own"; "`onDelete: keep` leave[s] the line". So, at rest,
 * in every chat: each published note's family that the chat wants is in exactly one message (its own post, or a line of
 * a digest), showing the current title of one of its published members (in the chat's language, if it has one), and a digest line its
 * link now (a line whose note left the chat's language stays as it was); no message
 * shows an older version of a note still published (under `keep`, but the kept line of a family it left for one shown
 * there); under `delete` none shows a note removed or drafted.
 */
import type { InProcessService, ChatMessage } from './inproc.js';
import { tagOf } from './double-posts.js';

/** What the checker needs of the model's world (route-model.ts World), without importing it (that file imports this one). */
export interface DigestWorld {
  files: ReadonlyMap<string, { title: string; draft: boolean; versions: readonly { title: string }[] }>;
  everPublished: ReadonlySet<string>;
  restored: ReadonlySet<string>;
  published(): { file: string; id: string; lang: string; title: string }[];
  /** The published original a copy not yet decided holds exactly the content (and so the title) of (route-model.ts World). */
  heldCopyOf(file: string): { file: string; lang: string } | undefined;
}

export interface DigestChat {
  name: string;
  /** Whether a note's file passes the chat's route filter. */
  passes(n: { file: string; lang: string }): boolean;
  /** The chat's language filter, if any: its family messages show the member of that language. */
  lang?: string | undefined;
}

/** Whether `c`'s family messages may show `n`: a member in the chat's language, any member where it has none (a folder's chat shows a family by any). */
const inLanguage = (c: DigestChat, n: { lang: string }) => !c.lang || n.lang === c.lang;

/** One line a chat shows: a post's (its note's tag), or a digest's (`• title — url`, README's plain digest). */
interface Line {
  messageId: string;
  tag: string;
  url?: string | undefined;
  digest: boolean;
}

function linesOf(m: ChatMessage): Line[] {
  if (!m.digest) return [{ messageId: m.messageId, tag: tagOf(m.text), digest: false }];
  return m.text
    .split('\n')
    .filter((l) => l.startsWith('• '))
    .map((l) => {
      const [title, url] = l.slice(2).split(' — ');
      return { messageId: m.messageId, tag: tagOf(title ?? ''), url, digest: true };
    });
}

/** The broken rules (module comment), chat by chat; empty when all hold. */
export function digestViolations(world: DigestWorld, svc: InProcessService, chats: readonly DigestChat[], onDelete: 'keep' | 'delete'): string[] {
  const store = svc.app!.store;
  const out: string[] = [];
  const published = world.published();
  // A copy not yet decided shows its original's title: in a chat, a line of that title is the note the chat takes,
  // the original where it takes both (review rv33-b R4: the copy's, read last, took every such line, and the original's
  // family was found in no message).
  const rank = (c: DigestChat, n: { file: string; lang: string }) => (c.passes(n) ? 2 : 0) + (world.heldCopyOf(n.file) === undefined ? 1 : 0);
  const familyOf = new Map<string, string>();
  for (const n of published) {
    const row = store.getNote(n.id);
    if (!row || row.state !== 'published') out.push(`${n.file} is published on disk but the store has it as ${row?.state ?? 'unknown'}`);
    else familyOf.set(n.id, row.info.translationKey);
  }
  for (const c of chats) {
    const byTitle = new Map(published.map((n) => ({ n, r: rank(c, n) })).sort((a, b) => a.r - b.r).map(({ n }) => [n.title, n]));
    const lines = svc.live(c.name).flatMap(linesOf);
    // The families a line shows a current member of: under keep, a line left showing an older version of a note that has
    // joined one of these since is its old family's, kept (README: "`onDelete: keep` leave[s] the line", as a kept message).
    const shown = new Set(lines.flatMap((l) => {
      const n = byTitle.get(l.tag);
      return n && inLanguage(c, n) ? [familyOf.get(n.id)] : [];
    }));
    const keptOld = (file: string) => onDelete === 'keep' && shown.has(familyOf.get(published.find((n) => n.file === file)?.id ?? ''));
    for (const l of lines) {
      const note = byTitle.get(l.tag);
      if (!world.everPublished.has(l.tag)) out.push(`${c.name}: message ${l.messageId} shows ${l.tag}, never published`);
      // A line whose note the chat's filter no longer passes (moved to another language folder) is kept as it was (README,
      // Bursts: "a chat filtered to its old language keeps the line").
      else if (note && l.digest && inLanguage(c, note) && l.url !== store.getNote(note.id)?.info.url) out.push(`${c.name}: digest ${l.messageId}'s line for ${note.file} (${l.tag}) links ${l.url}, not ${store.getNote(note.id)?.info.url}`);
      else if (!note) {
        const newer = [...world.files].find(([, st]) => !st.draft && st.versions.some((v) => v.title === l.tag));
        if (newer && !world.restored.has(l.tag) && !keptOld(newer[0])) out.push(`${c.name}: message ${l.messageId} shows ${l.tag}, an older version of ${newer[0]} (now ${newer[1].title})`);
        else if (onDelete === 'delete' && !newer) out.push(`${c.name}: message ${l.messageId} still shows ${l.tag}, removed or drafted`);
      }
    }
    // Each note once (a title is one write of one note): two lines showing one are one note announced twice.
    for (const tag of new Set(lines.map((l) => l.tag))) {
      const twice = lines.filter((l) => l.tag === tag);
      if (byTitle.has(tag) && twice.length > 1) out.push(`${c.name}: ${tag} is in ${twice.length} messages (${twice.map((l) => l.messageId).join(', ')})`);
    }
    // A copy held where its original is shown (README, a copy and a delete): its family is in that message, the original's.
    const heldHere = (n: { file: string; title: string }) => { const o = world.heldCopyOf(n.file); return o !== undefined && c.passes(o) && lines.some((l) => l.tag === n.title); };
    const families = new Set(published.filter((n) => c.passes(n) && familyOf.has(n.id) && !heldHere(n)).map((n) => familyOf.get(n.id)!));
    for (const f of families) {
      const showing = lines.filter((l) => {
        const n = byTitle.get(l.tag);
        return n !== undefined && familyOf.get(n.id) === f && inLanguage(c, n);
      });
      // A message of another family, left with no member, kept for its note that moved into this family's message here
      // (README, Edits; publish/family-kept.ts, tester 36's F4): that note's own message, not a second one of this family,
      // as long as it shows a member the family's message does not (each note once, above). Which message is the family's
      // is the store's to say: a kept message handed over to the family showing the same text is not edited.
      const familyMessage = store.postOf(`family:${f}`, { platform: 'console', chat: c.name, thread: '' })?.messageId;
      const own = showing.filter((l) => l.digest || l.messageId === familyMessage);
      const kept = showing.filter((l) => !own.includes(l) && !own.some((o) => o.tag === l.tag));
      if (own.length !== 1 || own.length + kept.length !== showing.length) out.push(`${c.name}: family ${f} is in ${showing.length} messages (${showing.map((l) => `${l.messageId}${l.digest ? ' digest' : ''} ${l.tag}`).join(', ')})`);
    }
  }
  return out;
}
