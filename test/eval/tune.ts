/**
 * A development tool: tries calibration values on the development question sets (never the held-out ones) and prints
 * direct-and-right and confidently-wrong for each, so a change to CALIBRATION is chosen on material it is measured on
 * openly. `node dist/test/eval/tune.js NAME=v1,v2 [NAME2=...]` tries every combination.
 */
import { askQuestion } from '../../knowledge/answer.js';
import { loadKnowledgeBase } from '../../knowledge/kb.js';
import { CALIBRATION } from '../../knowledge/search/calibration.js';
import { evalSets, loadQuestions } from './questions.js';
import { scoreQuestions } from './score.js';

const kb = loadKnowledgeBase();
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
for (const combo of combos) {
  Object.assign(cal, combo);
  const all = { inScope: 0, outOfScope: 0, directRight: 0, top1: 0, confidentWrong: 0, declined: 0 };
  const cells = sets.map((set) => {
    const r = scoreQuestions(
      set.files.flatMap((f) => loadQuestions(f)),
      (q) => {
        const out = askQuestion(kb, q.q, { date: '2026-11-29', lang: q.lang });
        return { status: out.status, ids: out.hits.map((h) => h.article.id) };
      },
    );
    for (const k of Object.keys(all) as (keyof typeof all)[]) all[k] += r[k];
    const p = (n: number, d: number) => ((100 * n) / d).toFixed(1);
    return `${set.name}: ${p(r.directRight, r.inScope)}/${p(r.top1, r.inScope)}/${p(r.confidentWrong, r.inScope)}/${p(r.declined, r.outOfScope)}`;
  });
  const p = (n: number, d: number) => ((100 * n) / d).toFixed(1);
  const total = `all: ${p(all.directRight, all.inScope)}/${p(all.top1, all.inScope)}/${p(all.confidentWrong, all.inScope)}/${p(all.declined, all.outOfScope)}`;
  console.log(JSON.stringify(combo), '  direct/first/wrong/declined  ', total, ' ', cells.join('  '));
}
