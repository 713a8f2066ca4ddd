/**
 * Figure captions and image credits: what a picture shows or where it comes from, said beside the picture, not a statement
 * of the note ("Figure 1. The tidal bulge…", "Image credit: NASA", a `<figcaption>`). Told by where they stand (with
 * or right after an image) and their form (one line under a label), in any language. Before, a note opening on a figure
 * showed its caption as its first point and lost its first sentence of substance (issue 23). Pure.
 */
import type { Token, Tokens } from 'marked';

/** An HTML figure, its image and caption: the picture's, none of it a sentence of the note. */
const FIGURE_ELEMENT = /<figure\b[^>]*>[\s\S]*?(?:<\/figure\s*>|$)/gi;
/** An HTML block showing a picture. */
const PICTURE_HTML = /<(?:img|figure|picture|video)\b/i;
/** Markdown images, linked or not, and the emphasis marks a caption is often set in. */
const IMAGE_MARKDOWN = /\[?!\[[^\]]*\]\([^)]*\)(?:\]\([^)]*\))?/g;
/**
 * A caption's label: a word or up to three and a colon ("Image credit:", "Source :", "出典："), or a word and a number
 * ("Figure 2.", "Abb. 3:", "图2：", "चित्र 1:").
 */
const CAPTION_LABEL = /^(?:[^\s:：]{1,24}(?:\s[^\s:：]{1,24}){0,2}\s?[:：]|\p{L}{1,12}\.?\s?\p{N}{1,3}[.．:：])/u;

/** The HTML of a block without its figures: the text around them stands alone. */
export function withoutFigures(html: string): string {
  return html.replace(FIGURE_ELEMENT, ' ');
}

/** The most visible text an HTML block showing a picture holds as its caption: a line or two, not an article set in HTML. */
const HTML_CAPTION_CHARS = 300;

/**
 * Whether a block is a picture's caption: an HTML block showing a picture with a line or two of text (`text`, as read:
 * `<p align="center"><img …><br><em>…</em></p>`, an `<img>` in a `<div>` over its `<p>`); a paragraph of one line under
 * a caption's label, after the picture in the same paragraph or right after a block that shows one (`before`). A
 * paragraph of prose after a picture is the note's.
 */
export function isCaption(t: Token, before: Token | undefined, text: string): boolean {
  if (t.type === 'html') return PICTURE_HTML.test((t as Tokens.HTML).text) && text.trim().length <= HTML_CAPTION_CHARS;
  return t.type === 'paragraph' && isCaptionLine(t as Tokens.Paragraph, before);
}

function isCaptionLine(p: Tokens.Paragraph, before: Token | undefined): boolean {
  if (p.raw.length > 400) return false; // most paragraphs: a caption is a line
  const opensOnImage = p.tokens[0]?.type === 'image' || (p.tokens[0]?.type === 'link' && (p.tokens[0] as Tokens.Link).tokens[0]?.type === 'image');
  if (!opensOnImage && !showsPicture(before)) return false;
  const text = p.raw.replace(IMAGE_MARKDOWN, ' ').replace(/[*_]+/g, '').trim();
  return text !== '' && !text.includes('\n') && CAPTION_LABEL.test(text);
}

/** A paragraph of images (and links) alone, or an HTML block with a picture. */
function showsPicture(t: Token | undefined): boolean {
  if (t?.type === 'html') return PICTURE_HTML.test((t as Tokens.HTML).text);
  if (t?.type !== 'paragraph') return false;
  const inline = (t as Tokens.Paragraph).tokens.filter((u) => !(u.type === 'text' && !(u as Tokens.Text).text.trim()) && u.type !== 'br');
  return inline.some((u) => u.type === 'image' || (u.type === 'link' && (u as Tokens.Link).tokens.some((v) => v.type === 'image'))) && inline.every((u) => u.type === 'image' || u.type === 'link');
}
