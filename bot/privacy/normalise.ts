/**
 * The text as the privacy patterns read it, with a map back to the original, so that a number can be found however
 * it is typed and only the number is replaced in what the person wrote.
 *
 * Each code point is read on its own: Unicode NFKC first (fullwidth and mathematical digits, superscripts, the
 * fullwidth full stop and solidus become their plain forms), then:
 * - a decimal digit of any script (\p{Nd}: Arabic-Indic, Persian, Devanagari, Thai, ...) is read as 0-9;
 * - every dash (\p{Pd}) and minus sign (U+2212, the modifier and heavy minus signs) is read as '-';
 * - every space (\p{Zs}), a tab and a line break are read as ' ';
 * - invisible characters (\p{Cf}: soft hyphen, zero-width space, joiners, word joiner, BOM, direction marks) and
 *   combining marks (\p{Mn}, \p{Me}: variation selectors, the keycap in 1️⃣) are dropped;
 * - a middle dot, hyphenation point and ideographic full stop are read as '.', the fraction and division slashes as
 *   '/', the Arabic decimal separator and comma as ',' and the Arabic thousands separator as '.', as in Danish numbers.
 * Everything else is kept as it is. This is not dialogs/input/text.ts (the one way the dialogs read a message): that
 * one only needs the words, this one must say where each character came from, so the mask lands in the right place.
 */
export interface MatchView {
  /** The text to match against. */
  text: string;
  /** For each UTF-16 unit of `text`: where in the original the code point it came from starts. */
  from: number[];
  /** For each UTF-16 unit of `text`: where in the original the code point it came from ends. */
  to: number[];
}

const DASH = /[\p{Pd}\u2212\u02D7\u2796]/u;
const SPACE = /[\p{Zs}\t\n\v\f\r\u0085\u2028\u2029]/u;
const INVISIBLE = /[\p{Cf}\p{Mn}\p{Me}]/u;
const DIGIT = /\p{Nd}/u;
const DOT = /[\u00B7\u2027\u2219\u3002\u066C]/u;
const SLASH = /[\u2044\u2215]/u;
const COMMA = /[\u066B\u060C]/u;

/** What one character (after NFKC) is read as. */
function readCharacter(ch: string): string {
  if (ch.length === 1 && ch < '\x80')
    return ch === '\t' || ch === '\n' || ch === '\v' || ch === '\f' || ch === '\r' ? ' ' : ch;
  if (DIGIT.test(ch)) return String(digitValue(ch.codePointAt(0)!));
  if (DASH.test(ch)) return '-';
  if (SPACE.test(ch)) return ' ';
  if (INVISIBLE.test(ch)) return '';
  if (DOT.test(ch)) return '.';
  if (SLASH.test(ch)) return '/';
  if (COMMA.test(ch)) return ',';
  return ch;
}

/**
 * The value of a decimal digit of any script. Unicode assigns decimal digits only in contiguous runs of ten, 0 to 9
 * (a stability guarantee), so the value is the distance from the start of the run, modulo ten where runs touch.
 */
function digitValue(cp: number): number {
  let start = cp;
  while (start > 0 && DIGIT.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

// Texts hold few distinct characters; the cap keeps a text of many distinct ones from growing the cache for ever.
const MAX_CACHED = 4096;
const readings = new Map<number, string>();

/** What one code point of the original is read as: '' (dropped), one character, or several (NFKC of a ligature). */
function readCodePoint(cp: number): string {
  if (cp < 0x80) return readCharacter(String.fromCharCode(cp));
  let reading = readings.get(cp);
  if (reading === undefined) {
    reading = '';
    for (const ch of String.fromCodePoint(cp).normalize('NFKC')) reading += readCharacter(ch);
    if (readings.size < MAX_CACHED) readings.set(cp, reading);
  }
  return reading;
}

/**
 * True when `text` holds at least `atLeast` digits as read above (so a text with fewer cannot hold a number that
 * long, and the caller can skip the matching). Stops counting as soon as it knows.
 */
export function hasDigits(text: string, atLeast: number): boolean {
  let count = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) {
      if (unit >= 0x30 && unit <= 0x39 && ++count >= atLeast) return true;
      continue;
    }
    const cp = text.codePointAt(i)!;
    if (cp > 0xffff) i++;
    for (const ch of readCodePoint(cp)) if (ch >= '0' && ch <= '9' && ++count >= atLeast) return true;
  }
  return false;
}

// eslint-disable-next-line no-control-regex -- the whole ASCII range, control characters included
const ASCII = /^[\x00-\x7F]*$/;

/** Reads `text` as described above, in one pass. */
export function matchView(text: string): MatchView {
  if (ASCII.test(text)) {
    // Most text (and every log line) is ASCII: read one for one, only the tab and line breaks change.
    const from = new Array<number>(text.length);
    const to = new Array<number>(text.length);
    for (let i = 0; i < text.length; i++) {
      from[i] = i;
      to[i] = i + 1;
    }
    return { text: text.replace(/[\t\n\v\f\r]/g, ' '), from, to };
  }
  const from: number[] = [];
  const to: number[] = [];
  const parts: string[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const reading = readCodePoint(cp);
    for (let k = 0; k < reading.length; k++) {
      from.push(i);
      to.push(i + width);
    }
    parts.push(reading);
    i += width;
  }
  return { text: parts.join(''), from, to };
}

/**
 * Replaces every match of the global `pattern` in the view of `text` with `replacement`, in the original: from the
 * start of the first character the match was read from to the end of the last. An invisible character inside a
 * number goes with it; one at its edge stays. `keep` may turn a match down after looking around it.
 */
export function replaceInView(
  text: string,
  view: MatchView,
  pattern: RegExp,
  replacement: string,
  keep: (view: MatchView, start: number, end: number) => boolean = () => false,
): { text: string; count: number } {
  let out = '';
  let last = 0;
  let count = 0;
  for (const m of view.text.matchAll(pattern)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (end === start || keep(view, start, end)) continue;
    out += text.slice(last, view.from[start]) + replacement;
    last = view.to[end - 1]!;
    count++;
  }
  return count === 0 ? { text, count } : { text: out + text.slice(last), count };
}

const HEX = /[0-9a-fA-F]/;
const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

/**
 * True when the digits at [start, end) of the view are part of a machine identifier rather than something a person
 * typed: a GUID (8-4-4-4-12 hexadecimal digits), or a run of at least 16 hexadecimal characters with a letter among
 * them (a Teams or Azure id, a hash). A shorter run is not enough: "fa0101901234" may be a label and a CPR number.
 * Looks at most 48 characters either way, so a match costs a bounded amount.
 */
export function insideIdentifier(view: MatchView, start: number, end: number): boolean {
  const t = view.text;
  let a = start;
  while (a > 0 && start - a < 48 && (HEX.test(t[a - 1]!) || t[a - 1] === '-')) a--;
  let b = end;
  while (b < t.length && b - end < 48 && (HEX.test(t[b]!) || t[b] === '-')) b++;
  for (const g of t.slice(a, b).matchAll(GUID)) {
    if (a + g.index! < end && a + g.index! + g[0].length > start) return true;
  }
  a = start;
  while (a > 0 && start - a < 48 && HEX.test(t[a - 1]!)) a--;
  b = end;
  while (b < t.length && b - end < 48 && HEX.test(t[b]!)) b++;
  return b - a >= 16 && /[a-fA-F]/.test(t.slice(a, b));
}
