/**
 * An HTML `<details>` block's `<summary>` is a label over what it folds, as a heading is over its
 * section: not part of the text's first sentence, which it would run into with no stop between
 * ("Why multi-cursor matters Multi-cursor edits …", issue 23). Pure.
 */
const SUMMARY_ELEMENT = /<summary\b[^>]*>[\s\S]*?(?:<\/summary\s*>|$)/gi;

/** The HTML of a block without its `<summary>` labels: the text they fold stands alone. */
export function withoutSummaryLabels(html: string): string {
  return html.replace(SUMMARY_ELEMENT, ' ');
}
