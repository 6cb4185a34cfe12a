/**
 * A development tool: tries calibration values on the development question sets (never the held-out ones) and prints
 * direct-and-right and confidently-wrong for each, so a change to CALIBRATION is chosen on material it is measured on
 * openly. `node dist/test/eval/tune.js NAME=v1,v2 [NAME2=...]` tries every combination.
 */
import { askQuestion } from '../../knowledge/answer.js';
import { CALIBRATION } from '../../knowledge/search/calibration.js';
import { EVAL_DATE, evalSets, kbFor, questionsIn } from './questions.js';
import { type EvalReport, addReports, askedOf, emptyReport, scoreQuestions } from './score.js';

const sets = evalSets('questions').filter((s) => !s.heldOut);
const grid = process.argv.slice(2).map((a) => {
  const [name, values] = a.split('=') as [string, string];
  return { name, values: values.split(',').map(Number) };
});
const combos: Record<string, number>[] = grid.reduce<Record<string, number>[]>(
  (acc, g) => acc.flatMap((c) => g.values.map((v) => ({ ...c, [g.name]: v }))),
  [{}],
);
const cal = CALIBRATION as unknown as Record<string, number>;
const p = (n: number, d: number) => ((100 * n) / d).toFixed(1);
const figures = (r: EvalReport) =>
  `${p(r.directRight, r.inScope)}/${p(r.top1, r.inScope)}/${p(r.confidentWrong, r.inScope)}/${p(r.declined, r.outOfScope)}`;
for (const combo of combos) {
  Object.assign(cal, combo);
  let all = emptyReport();
  const cells = sets.map((set) => {
    const r = scoreQuestions(questionsIn(set), (q) => {
      const out = askQuestion(kbFor(set), q.q, { date: EVAL_DATE, lang: q.lang });
      return askedOf(out);
    });
    all = addReports(all, r);
    return `${set.name}: ${figures(r)}`;
  });
  console.log(JSON.stringify(combo), '  direct/first/wrong/declined  ', `all: ${figures(all)}`, ' ', cells.join('  '));
}
