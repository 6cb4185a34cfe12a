/**
 * LIX readability (Björnsson): words per sentence plus the share of long words (more than 6 letters) in per cent.
 * Under 30 is very easy, 30-40 easy (everyday texts), 40-50 average, over 50 hard. Mentorbot's answers must stay at 45
 * or less and should be 40 or less.
 *
 * Markdown is read as a person sees it: link targets, emphasis and list bullets are removed. A sentence ends at
 * . ! ? or : followed by a capital letter or the end of the text, and at every line break (a list item is a sentence).
 * Abbreviations such as "stk. 2" or "bl.a." therefore do not split a sentence.
 */
export function lix(markdown: string): number {
  const text = markdown
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>|]/g, ' ')
    .replace(/^\s*(?:[-•]|\d+\.)\s+/gm, '');
  const sentences = text
    .split(/[.!?:]+(?=\s+["'«(]?[A-ZÆØÅ]|\s*$)|\n+/u)
    .filter((s) => /\p{L}/u.test(s));
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return 0;
  const long = words.filter((w) => w.length > 6).length;
  return words.length / Math.max(1, sentences.length) + (100 * long) / words.length;
}

/** The limit that fails the build, and the level we aim for. */
export const LIX_LIMIT = 45;
export const LIX_TARGET = 40;
