/**
 * Finds the index terms near a query term without lunr's TokenSet automata, which are slow to build at start and to
 * intersect per query: a sorted list answers "terms that begin with x" by binary search, and terms grouped by length
 * answer "terms one edit away" (insertion, deletion, substitution or swap of neighbours) by a short scan.
 */
export class TermLookup {
  private readonly sorted: string[];
  private readonly frequency: Map<string, number>;
  private readonly byLength = new Map<number, string[]>();

  /** `terms`: each term with the number of answer articles it occurs in. */
  constructor(terms: [string, number][]) {
    this.sorted = terms.map(([t]) => t).sort();
    this.frequency = new Map(terms);
    for (const term of this.sorted) {
      const list = this.byLength.get(term.length);
      if (list) list.push(term);
      else this.byLength.set(term.length, [term]);
    }
  }

  has(term: string): boolean {
    return this.frequency.has(term);
  }

  /** In how many answer articles the term occurs (0 when unknown). */
  docFrequency(term: string): number {
    return this.frequency.get(term) ?? 0;
  }

  /** Terms that begin with `prefix` and are longer than it, shortest first, at most `limit`. */
  withPrefix(prefix: string, limit: number): string[] {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.sorted.length && this.sorted[i]!.startsWith(prefix); i++) {
      if (this.sorted[i] !== prefix) out.push(this.sorted[i]!);
    }
    return out.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, limit);
  }

  /** Terms exactly one edit from `term` (not the term itself), at most `limit`. */
  oneEditAway(term: string, limit: number): string[] {
    const found: string[] = [];
    for (const length of [term.length - 1, term.length, term.length + 1]) {
      for (const candidate of this.byLength.get(length) ?? []) {
        if (withinOneEdit(term, candidate)) found.push(candidate);
      }
    }
    return found.sort().slice(0, limit);
  }
}

/** True when a and b differ by one insertion, deletion, substitution or swap of two neighbouring letters. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return false;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true; // substitution
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2); // swap
  }
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
