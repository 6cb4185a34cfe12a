import { lunr } from './lunr.js';

/** lunr's serialised index as build-index.ts stores it. */
export interface LunrIndexJson {
  version: string;
  fields: string[];
  fieldVectors: [string, number[]][];
  invertedIndex: [string, Record<string, unknown>][];
  pipeline: string[];
}

/**
 * Stands in for lunr's TokenSet of all index terms. lunr.Index.query intersects it with a token set made from each
 * query clause to find the index terms the clause matches. Our clauses are always exact terms (the search engine
 * finds prefixes, typos and synonyms itself and never sets a wildcard or an edit distance), so the intersection is
 * a lookup: the clause's term if the index has it. This spares building lunr's term automaton at every start (most of
 * lunr.Index.load's time) and walking it for every clause.
 */
class ExactTerms {
  constructor(private readonly inverted: Record<string, unknown>) {}

  intersect(clause: { toArray(): string[] }): { toArray(): string[] } {
    const words = clause.toArray().filter((w) => Object.prototype.hasOwnProperty.call(this.inverted, w));
    return { toArray: () => words };
  }
}

/**
 * Rounds the stored term weights to 4 decimals (lunr writes them at full precision, for no change in ranking) and
 * leaves out empty field postings (lunr lists every field for every term), so the index file is small and loads fast.
 */
export function compactIndex(json: LunrIndexJson): LunrIndexJson {
  return {
    ...json,
    fieldVectors: json.fieldVectors.map(([ref, v]) => [
      ref,
      v.map((x, i) => (i % 2 === 1 ? Math.round(x * 1e4) / 1e4 : x)),
    ]),
    invertedIndex: json.invertedIndex.map(([term, posting]) => [
      term,
      Object.fromEntries(
        Object.entries(posting).filter(([k, v]) => k === '_index' || Object.keys(v as object).length > 0),
      ),
    ]),
  };
}

/**
 * Loads an index stored by compactIndex into a lunr.Index whose query() behaves exactly as lunr's own for exact-term
 * clauses. lunr 2.3.9 is the last release of lunr and is pinned, so the constructor attributes used here are stable.
 */
export function loadIndex(json: LunrIndexJson): lunr.Index {
  if (json.version !== lunr.version)
    throw new Error(
      `The search index was built with lunr ${json.version}, this is lunr ${lunr.version}: run "npm run kb:build"`,
    );
  const inverted: Record<string, Record<string, unknown>> = Object.create(null);
  for (const [term, posting] of json.invertedIndex) {
    for (const field of json.fields) posting[field] ??= {};
    inverted[term] = posting;
  }
  const fieldVectors: Record<string, lunr.Vector> = {};
  for (const [ref, elements] of json.fieldVectors) fieldVectors[ref] = new lunr.Vector(elements);
  const IndexClass = lunr.Index as unknown as new (attrs: object) => lunr.Index;
  return new IndexClass({
    invertedIndex: inverted,
    fieldVectors,
    tokenSet: new ExactTerms(inverted),
    fields: json.fields,
    pipeline: new lunr.Pipeline(),
  });
}
