import type { KnowledgeBase } from '../../knowledge/kb.js';
import type { EvalQuestion } from './questions.js';

export interface EvalReport {
  inScope: number;
  outOfScope: number;
  top1: number;
  top3: number;
  /** Out-of-scope questions that got no article (status none). */
  declined: number;
  /** In-scope questions answered with confidence (status answer). */
  answeredConfidently: number;
  misses: { q: string; expected: string[]; got: string[]; status: string }[];
}

/**
 * Scores the search on a question set. Top-1/top-3: the expected (or an also-accepted) article is first / among the
 * first three results, whatever the confidence. Declined: an out-of-scope question gets no article at all.
 */
export function scoreSearch(kb: KnowledgeBase, questions: EvalQuestion[], date: string): EvalReport {
  const r: EvalReport = { inScope: 0, outOfScope: 0, top1: 0, top3: 0, declined: 0, answeredConfidently: 0, misses: [] };
  for (const q of questions) {
    const out = kb.search.search(q.q, { date });
    const got = out.hits.map((h) => h.article.id);
    if (q.expect.length === 0) {
      r.outOfScope++;
      if (out.status === 'none') r.declined++;
      else r.misses.push({ q: q.q, expected: [], got, status: out.status });
      continue;
    }
    r.inScope++;
    const ok = new Set([...q.expect, ...(q.alsoAccept ?? [])]);
    if (got[0] && ok.has(got[0])) r.top1++;
    if (got.slice(0, 3).some((id) => ok.has(id))) r.top3++;
    if (out.status === 'answer') r.answeredConfidently++;
    if (!(got[0] && ok.has(got[0]))) r.misses.push({ q: q.q, expected: q.expect, got: got.slice(0, 3), status: out.status });
  }
  return r;
}
