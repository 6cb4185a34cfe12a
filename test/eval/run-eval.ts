/**
 * npm run eval: runs the question set in test/cases/eval-questions.yaml (or the file given as the first argument)
 * through the search and prints top-1 and top-3 accuracy and the share of out-of-scope questions declined.
 * Goals: top-1 >= 90 %, top-3 >= 97 %, declined >= 90 %.
 */
import { loadKnowledgeBase } from '../../knowledge/kb.js';
import { todayInDenmark } from '../../knowledge/dates.js';
import { loadQuestions } from './questions.js';
import { scoreSearch } from './score.js';

const file = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'eval-questions.yaml';
const kb = loadKnowledgeBase();
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
