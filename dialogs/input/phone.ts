/**
 * A Danish phone number as people type it: 8 digits, in any grouping of spaces, dots or dashes, with or without
 * +45 or 0045 in front ("12 34 56 78", "+45 12345678", "12-34-56-78"). Returns "+45" and the 8 digits, or null.
 * The whole answer must be the number, perhaps with a few words around it ("mit nummer er 12 34 56 78").
 */
export function parsePhone(text: string): string | null {
  if (text.length > 200) return null;
  const candidates = text.match(/(?:\+|00)?[\d][\d .-]{6,18}\d/g) ?? [];
  const numbers = candidates
    .map((c) => c.replace(/[ .-]/g, ''))
    .map((d) => d.replace(/^(?:\+45|0045)(?=\d{8}$)/, ''))
    .filter((d) => /^\d{8}$/.test(d));
  if (numbers.length !== 1) return null;
  return `+45${numbers[0]}`;
}
