/**
 * The model's "never double" rule on posts and its one allowance (test/helpers/double-posts.ts): a note whose own
 * message was withdrawn while the chat showed it in another family's message may be posted once more. Both sides, on
 * event streams written out (as the console adapter prints them): the split-burst property's seed 2512 under
 * `onDelete: delete` is excused; a note posted twice with no such withdrawal, with a withdrawal while no other message
 * stood for its family, with one after the second post, or posted a third time after one withdrawal, is still a double.
 */
import { describe, expect, it } from 'vitest';
import { movedHomeWithdrawals, postedTwice } from '../helpers/double-posts.js';
import type { ConsoleEvent } from '../helpers/inproc.js';

const ev = (event: ConsoleEvent['event'], messageId: string, family: string, title = ''): ConsoleEvent => ({ event, target: 'console:all', noteId: null, family, revision: 1, messageId, text: title ? `${title}\nhttps://ex.org/x\n` : '' });

/** Where the notes are at the step's end: N1 in family setup (it joined N2's), N2 there too. */
const familyNow = (title: string) => ({ N1: 'setup', N2: 'setup' })[title];

/** The rule's problems for `events`, all of them one step. */
function doubles(events: ConsoleEvent[], familyOfTitle: (title: string) => string | undefined = familyNow): string[] {
  return postedTwice(events, new Set(), new Set(), movedHomeWithdrawals(events, 0, familyOfTitle));
}

const posted = [ev('post', 'c1', 'intro', 'N1'), ev('post', 'c2', 'setup', 'N2')];

describe('never double, and a note that moved home', () => {
  it("excuses the post of a note whose own message was deleted while its new family's message was up (seed 2512, delete)", () => {
    expect(doubles([...posted, ev('edit', 'c2', 'setup', 'N2'), ev('delete', 'c1', 'intro'), ev('post', 'c13', 'intro', 'N1')])).toEqual([]);
  });

  it('fails a note posted twice with no withdrawal in between', () => {
    expect(doubles([...posted, ev('post', 'c13', 'intro', 'N1')])).toEqual(['console:all N1 was posted 2 times (c1, c13)']);
  });

  it('fails a second post after a withdrawal while no message of its family was up (a removal, or its family not shown)', () => {
    const events = [ev('post', 'c1', 'intro', 'N1'), ev('post', 'c2', 'other', 'N2'), ev('delete', 'c1', 'intro'), ev('post', 'c13', 'intro', 'N1')];
    expect(doubles(events)).toEqual(['console:all N1 was posted 2 times (c1, c13)']);
    expect(doubles(events, () => undefined)).toEqual(['console:all N1 was posted 2 times (c1, c13)']);
  });

  it('fails a second post made before the withdrawal', () => {
    expect(doubles([...posted, ev('post', 'c13', 'intro', 'N1'), ev('delete', 'c1', 'intro')])).toEqual(['console:all N1 was posted 2 times (c1, c13)']);
  });

  it('excuses one post per withdrawal: a third post is a double', () => {
    const events = [...posted, ev('delete', 'c1', 'intro'), ev('post', 'c13', 'intro', 'N1'), ev('post', 'c14', 'intro', 'N1')];
    expect(doubles(events)).toEqual(['console:all N1 was posted 3 times (c1, c13, c14)']);
  });

  it('fails a withdrawal where the other message is of the deleted one\'s own family (no move home)', () => {
    const events = [ev('post', 'c1', 'setup', 'N1'), ev('post', 'c2', 'setup', 'N2'), ev('delete', 'c1', 'setup'), ev('post', 'c13', 'setup', 'N1')];
    expect(doubles(events)).toEqual(['console:all N1 was posted 2 times (c1, c13)']);
  });
});
