import type { SearchOutcome } from '../../knowledge/search/search-engine.js';
import { type EvalQuestion, acceptable } from './questions.js';

/** What the bot does with a free-text question: its status and the articles it would show, best first. */
export interface Asked {
  status: 'answer' | 'ambiguous' | 'none';
  ids: string[];
  /** For "none": the article about a topic we do not cover that says where to ask instead. */
  pointedTo?: string;
}

/**
 * How the scoring reads the search's outcome. Pointing elsewhere (a topic we do not cover, with the article that says
 * where to ask) is a direct answer with that article: right for a question that expects it. For a question out of our
 * scope it still counts as declined, since no answer of ours was given.
 */
export function askedOf(out: SearchOutcome): Asked {
  if (out.status === 'none' && out.redirect) return { status: 'none', ids: [], pointedTo: out.redirect.id };
  return { status: out.status, ids: out.hits.map((h) => h.article.id) };
}

export interface EvalReport {
  inScope: number;
  outOfScope: number;
  /** Confident, and the first article holds the facts asked for. */
  directRight: number;
  /** The first article holds the facts, whatever the confidence. */
  top1: number;
  top3: number;
  /** Confident, with a first article that does not hold the facts. */
  confidentWrong: number;
  /** Out-of-scope questions that got no article (declined, or pointed elsewhere). */
  declined: number;
  misses: { q: string; expected: string[]; got: string[]; status: string }[];
}

export const emptyReport = (): EvalReport => ({
  inScope: 0,
  outOfScope: 0,
  directRight: 0,
  top1: 0,
  top3: 0,
  confidentWrong: 0,
  declined: 0,
  misses: [],
});

/**
 * Scores how the bot meets a question set, with the product owner's definitions: direct-and-right (confident and
 * the first article right), right first, right among the first three, confidently wrong (over in-scope questions),
 * and out-of-scope questions declined.
 */
export function scoreQuestions(questions: EvalQuestion[], ask: (q: EvalQuestion) => Asked): EvalReport {
  const r = emptyReport();
  for (const q of questions) {
    let out = ask(q);
    if (q.expect.length === 0) {
      r.outOfScope++;
      if (out.status === 'none') r.declined++;
      else r.misses.push({ q: q.q, expected: [], got: out.ids.slice(0, 3), status: out.status });
      continue;
    }
    r.inScope++;
    const ok = acceptable(q);
    if (out.pointedTo !== undefined) out = { status: 'answer', ids: [out.pointedTo] };
    const first = out.ids[0];
    const firstRight = first !== undefined && ok.has(first);
    if (firstRight) r.top1++;
    if (out.ids.slice(0, 3).some((id) => ok.has(id))) r.top3++;
    if (out.status === 'answer' && firstRight) r.directRight++;
    if (out.status === 'answer' && !firstRight) r.confidentWrong++;
    if (!(out.status === 'answer' && firstRight))
      r.misses.push({ q: q.q, expected: q.expect, got: out.ids.slice(0, 3), status: out.status });
  }
  return r;
}

export function addReports(a: EvalReport, b: EvalReport): EvalReport {
  const out = emptyReport();
  for (const k of ['inScope', 'outOfScope', 'directRight', 'top1', 'top3', 'confidentWrong', 'declined'] as const)
    out[k] = a[k] + b[k];
  return out;
}
