/**
 * npm run eval: runs the question set in test/cases/eval-questions.yaml (or the file given as the first argument)
 * through the search and prints top-1 and top-3 accuracy and the share of out-of-scope questions declined.
 * `--misses` lists the questions it got wrong; `--explain "question"` shows how the search reads one question.
 * Goals: top-1 >= 90 %, top-3 >= 97 %, declined >= 90 %.
 */
import { loadKnowledgeBase } from '../../knowledge/kb.js';
import { todayInDenmark } from '../../knowledge/dates.js';
import { loadQuestions } from './questions.js';
import { scoreSearch } from './score.js';

const kb = loadKnowledgeBase();
const explainAt = process.argv.indexOf('--explain');
if (explainAt > 0) {
  // npm run eval -- --explain "hvor længe kan jeg have en mentor": how the search reads one question.
  const q = process.argv[explainAt + 1] ?? '';
  for (const t of kb.search.explain(q)) console.log(`${t.lang} ${t.term} weight ${t.weight.toFixed(2)} -> ${t.matches.join(', ') || '(no match)'}`);
  const out = kb.search.search(q, { date: todayInDenmark() });
  console.log(out.status, out.hits.map((h) => `${h.article.id} (${h.score.toFixed(1)}, coverage ${h.coverage.toFixed(2)})`).join(' | '), out.redirect ? `redirect ${out.redirect.id}` : '');
  process.exit(0);
}
const file = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'eval-questions.yaml';
const questions = loadQuestions(file);
const r = scoreSearch(kb, questions, todayInDenmark());
const pct = (n: number, d: number) => (d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(1)} %`);

if (process.argv.includes('--misses')) {
  for (const m of r.misses) console.log(`MISS [${m.status}] "${m.q}" expected ${m.expected.join('|') || '(decline)'} got ${m.got.join(', ') || '(nothing)'}`);
}
console.log(`Question set: test/cases/${file} (${r.inScope} in scope, ${r.outOfScope} out of scope)`);
console.log(`Top-1 accuracy:        ${pct(r.top1, r.inScope)}  (goal 90 %)`);
console.log(`Top-3 accuracy:        ${pct(r.top3, r.inScope)}  (goal 97 %)`);
console.log(`Out of scope declined: ${pct(r.declined, r.outOfScope)}  (goal 90 %)`);
console.log(`In scope answered with confidence: ${pct(r.answeredConfidently, r.inScope)}`);
