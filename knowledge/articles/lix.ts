/**
 * LIX readability (Björnsson): words per sentence plus the share of long words (more than 6 letters) in per cent.
 * Under 30 is very easy, 30-40 easy (everyday texts), 40-50 average, over 50 hard. Mentorbot's answers must stay at 45
 * or less and should be 40 or less.
 *
 * Markdown is read as a person sees it: link targets, emphasis and list bullets are removed.
 *
 * Sentences are counted the way a reader takes them:
 * - A sentence ends at . ! ? or : followed by a capital letter or the end of the text. Abbreviations such as "stk. 2"
 *   or "bl.a." therefore do not split a sentence.
 * - A blank line (a new paragraph) ends a sentence, and so does the end of a list.
 * - Any other line break does not. A list whose items have no full stop is one sentence with the line that leads
 *   into it: "Du kan få hjælp:\n- til arbejdet\n- til at stå op" reads as "Du kan få hjælp: til arbejdet, til at stå
 *   op", one sentence. A list item that ends with . ! or ? is a sentence of its own, as in running text.
 * Counting every list line as a sentence (as we did before) made list-heavy answers look easier than they read.
 */
export function lix(markdown: string): number {
  const text = plainText(markdown);
  const sentences = text.split(/[.!?:]+(?=\s+["'«(]?[A-ZÆØÅ]|\s*$)|\n\s*\n/u).filter((s) => /\p{L}/u.test(s));
  const words = text.match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return 0;
  const long = words.filter((w) => w.length > 6).length;
  return words.length / Math.max(1, sentences.length) + (100 * long) / words.length;
}

const LIST_ITEM = /^\s*(?:[-*•+]|\d+[.)])\s+/;

/**
 * The text as a reader sees it, with paragraph breaks kept as blank lines: Markdown marks and bullets removed, and a
 * blank line put where a list ends, so that the end of a list ends its sentence.
 */
function plainText(markdown: string): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let inList = false;
  for (const line of lines) {
    const item = LIST_ITEM.test(line);
    if (inList && !item && line.trim() !== '') out.push('');
    inList = item || (inList && line.trim() !== '' && /^\s/.test(line));
    out.push(line.replace(LIST_ITEM, ''));
  }
  return out
    .join('\n')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`#>|]/g, ' ');
}

/** The limit that fails the build, and the level we aim for. */
export const LIX_LIMIT = 45;
export const LIX_TARGET = 40;
