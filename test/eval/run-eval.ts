/**
 * npm run eval: runs the question sets in test/cases/ through the search and prints, per set and for all together,
 * top-1 and top-3 accuracy and the share of out-of-scope questions declined. Goals: top-1 >= 90 %, top-3 >= 97 %,
 * declined >= 90 %.
 *   npm run eval                       every set (eval-questions, eval-holdout, eval-fresh)
 *   npm run eval -- eval-fresh.yaml    one set
 *   npm run eval -- --misses           also list the questions it got wrong
 *   npm run eval -- --explain "..."    how the search reads one question
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { todayInDenmark } from '../../knowledge/dates.js';
import { loadKnowledgeBase } from '../../knowledge/kb.js';
import { projectRoot } from '../../knowledge/paths.js';
import { loadQuestions } from './questions.js';
import { type EvalReport, scoreSearch } from './score.js';

const kb = loadKnowledgeBase();
const date = todayInDenmark();
const args = process.argv.slice(2);
const explainAt = args.indexOf('--explain');
if (explainAt >= 0) {
  const q = args[explainAt + 1] ?? '';
  for (const t of kb.search.explain(q)) console.log(`${t.lang} ${t.term} weight ${t.weight.toFixed(2)} -> ${t.matches.join(', ') || '(no match)'}`);
  const out = kb.search.search(q, { date });
  console.log(out.status, out.hits.map((h) => `${h.article.id} (${h.score.toFixed(1)}, coverage ${h.coverage.toFixed(2)})`).join(' | '), out.redirect ? `redirect ${out.redirect.id}` : '');
  process.exit(0);
}

const pct = (n: number, d: number) => (d === 0 ? '  n/a ' : `${((100 * n) / d).toFixed(1).padStart(5)} %`);
const named = args.filter((a) => !a.startsWith('--'));
const files = named.length > 0 ? named : readdirSync(join(projectRoot(), 'test', 'cases')).filter((f) => /^eval-.*\.yaml$/.test(f)).sort();
const total: EvalReport = { inScope: 0, outOfScope: 0, top1: 0, top3: 0, declined: 0, answeredConfidently: 0, misses: [] };

console.log('question set                 in scope  top-1    top-3    out of scope  declined   answered with confidence');
for (const file of files) {
  const r = scoreSearch(kb, loadQuestions(file), date);
  if (args.includes('--misses')) {
    for (const m of r.misses) console.log(`  MISS [${m.status}] "${m.q}" expected ${m.expected.join('|') || '(decline)'} got ${m.got.join(', ') || '(nothing)'}`);
  }
  console.log(`${file.padEnd(28)} ${String(r.inScope).padStart(8)}  ${pct(r.top1, r.inScope)}  ${pct(r.top3, r.inScope)}  ${String(r.outOfScope).padStart(12)}  ${pct(r.declined, r.outOfScope)}  ${pct(r.answeredConfidently, r.inScope)}`);
  for (const k of ['inScope', 'outOfScope', 'top1', 'top3', 'declined', 'answeredConfidently'] as const) total[k] += r[k];
}
if (files.length > 1) {
  console.log(`${'all'.padEnd(28)} ${String(total.inScope).padStart(8)}  ${pct(total.top1, total.inScope)}  ${pct(total.top3, total.inScope)}  ${String(total.outOfScope).padStart(12)}  ${pct(total.declined, total.outOfScope)}  ${pct(total.answeredConfidently, total.inScope)}`);
}
console.log('Goals: top-1 90 %, top-3 97 %, out of scope declined 90 %.');
