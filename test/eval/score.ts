import { type EvalQuestion, acceptable } from './questions.js';

/** What the bot does with a free-text question: its status and the articles it would show, best first. */
export interface Asked {
  status: 'answer' | 'ambiguous' | 'none';
  ids: string[];
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
    const out = ask(q);
    if (q.expect.length === 0) {
      r.outOfScope++;
      if (out.status === 'none') r.declined++;
      else r.misses.push({ q: q.q, expected: [], got: out.ids.slice(0, 3), status: out.status });
      continue;
    }
    r.inScope++;
    const ok = acceptable(q);
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
