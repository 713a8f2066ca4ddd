/**
 * A list of labelled items: every item opens with a label of its own and goes on after it ("**Grid Structure**: The
 * map is a grid…", "**Pros**: …", "**Cons**: …"). Its items are peers, each named by its label as a section is by its
 * heading, so the first one leads the section over the list no more than the others do (select.ts placeWeight: a
 * section's lead weighs more). Told by the items' form, never their words. Pure.
 */

/** Items of a list as lists.ts reads them: the item's text and the name it opens with, if any. */
interface NamedItem {
  text: string;
  name: string | undefined;
}

export function labelledPeers(items: readonly NamedItem[]): boolean {
  return items.length >= 2 && items.every((i) => i.name !== undefined && i.text.length > i.name.length && i.text.startsWith(i.name) && /^\s*[:：]/u.test(i.text.slice(i.name.length)));
}
