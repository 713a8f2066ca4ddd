/**
 * A long note of prose paragraphs without headings (a story, an essay, a letter) is read paragraph by paragraph, each
 * its share of the candidates, so the walk reaches its end. Read as one section, it stopped after a section's share of
 * sentences, and what a story comes to in its last paragraphs, its outcome or its moral, was never offered (issue 23:
 * an essay on bees never said its closing "treat all living things kindly"). Told by the note's form (no headings, no
 * speaker labels, more sentences than a section's share), never its words; as a long dialogue is read turn by turn
 * (walk.ts dialogueWalk). Pure.
 */
import type { Token, Tokens } from 'marked';
import { MAX_CANDIDATES, PER_SECTION, SENTENCES_PER_PARAGRAPH, type Walk } from './walk.js';

/** A paragraph of a long story offers at least its first two sentences: its scene and, often, its turn. */
const PER_PARAGRAPH_MIN = 2;
/** Paragraphs whose share the walk's cap grows for: past them a story is as long as any reader's summary needs. */
const MAX_PARAGRAPHS = 40;

/** Where a sentence may end: a stop before a space or the end, or a CJK stop anywhere. A count, not a split: cheap and rough. */
const SENTENCE_END = /[.!?](?=\s|$)|[。！？]/gu;

/** About how many sentences a paragraph holds, as many as the walk would read of it. */
function sentencesRead(text: string): number {
  const ends = text.match(SENTENCE_END)?.length ?? 0;
  return Math.min(SENTENCES_PER_PARAGRAPH, Math.max(1, ends));
}

/** Sets the walk to read a long note of paragraphs to its end: each paragraph its share, the cap grown to hold them. */
export function readStoryWhole(w: Walk, blocks: readonly Token[]): void {
  let paragraphs = 0;
  let sentences = 0;
  for (const t of blocks) {
    if (t.type !== 'paragraph') continue;
    paragraphs++;
    sentences += sentencesRead((t as Tokens.Paragraph).text);
  }
  if (sentences <= PER_SECTION) return; // read whole as one section already
  w.paragraphShare = true;
  w.sectionShare = Math.max(PER_PARAGRAPH_MIN, Math.min(SENTENCES_PER_PARAGRAPH, Math.floor(MAX_CANDIDATES / paragraphs)));
  w.maxCandidates = Math.max(MAX_CANDIDATES, Math.min(paragraphs, MAX_PARAGRAPHS) * PER_PARAGRAPH_MIN);
}
