/**
 * A development tool: fits the search's confidence model (knowledge/search/confidence.ts) on the development question
 * sets, never the held-out ones, and writes knowledge/search/confidence-model.ts.
 *
 *   node dist/test/eval/fit-confidence.js          report, leaving each set out in turn, and write the model
 *   node dist/test/eval/fit-confidence.js --dry    report only
 *   node dist/test/eval/fit-confidence.js --dry AMBIGUOUS_RATIO=0.9    with other calibration values
 *
 * Every answer the search would give with confidence (with the model switched off) is a row: its features and whether
 * it is right. The report shows, for each threshold, how many right answers become "Mente du ...?" and how many wrong
 * ones do, each set judged by a model fitted on the other sets: the honest trade for choosing
 * CALIBRATION.CONFIDENT_MIN_PROBABILITY.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { askQuestion } from '../../knowledge/answer.js';
import { projectRoot } from '../../knowledge/paths.js';
import { CALIBRATION } from '../../knowledge/search/calibration.js';
import { fitConfidence, probabilityRight } from '../../knowledge/search/confidence.js';
import { EVAL_DATE, acceptable, evalSets, kbFor, questionsIn } from './questions.js';

const cal = CALIBRATION as unknown as Record<string, number>;
// NAME=value arguments try other calibration values (as test/eval/tune.js does) before the rows are read.
for (const a of process.argv.slice(2).filter((x) => x.includes('='))) {
  const [name, value] = a.split('=') as [string, string];
  cal[name] = Number(value);
}
cal.CONFIDENT_MIN_PROBABILITY = 0;
const rows: { set: string; features: number[]; right: boolean }[] = [];
for (const set of evalSets('questions').filter((s) => !s.heldOut)) {
  for (const q of questionsIn(set)) {
    if (q.expect.length === 0) continue;
    const out = askQuestion(kbFor(set), q.q, { date: EVAL_DATE, lang: q.lang });
    if (out.status !== 'answer' || !out.features) continue;
    rows.push({ set: set.name, features: out.features, right: acceptable(q).has(out.hits[0]!.article.id) });
  }
}

const judged: { p: number; right: boolean }[] = [];
for (const name of new Set(rows.map((r) => r.set))) {
  const model = fitConfidence(rows.filter((r) => r.set !== name));
  for (const r of rows.filter((r) => r.set === name))
    judged.push({ p: probabilityRight(model, r.features), right: r.right });
}
const right = judged.filter((j) => j.right).length;
console.log(`confident answers: ${right} right, ${judged.length - right} wrong (each set judged by the others' model)`);
for (const t of [0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8]) {
  const lostRight = judged.filter((j) => j.right && j.p < t).length;
  const savedWrong = judged.filter((j) => !j.right && j.p < t).length;
  console.log(
    `below ${t}: ${lostRight} right and ${savedWrong} wrong answers offered instead; ${right - lostRight} right and ` +
      `${judged.length - right - savedWrong} wrong answers left`,
  );
}

if (!process.argv.includes('--dry')) {
  const model = fitConfidence(rows);
  const round = (l: number[]) => l.map((v) => Number(v.toPrecision(6)));
  const file = join(projectRoot(), 'knowledge', 'search', 'confidence-model.ts');
  writeFileSync(
    file,
    `// Written by test/eval/fit-confidence.ts from ${rows.length} confident answers of the development sets: do not edit.
import type { ConfidenceModel } from './confidence.js';

export const CONFIDENCE_MODEL: ConfidenceModel = ${JSON.stringify(
      {
        features: model.features,
        mean: round(model.mean),
        sd: round(model.sd),
        weights: round(model.weights),
        bias: Number(model.bias.toPrecision(6)),
      },
      null,
      2,
    )};
`,
  );
  console.log(`wrote ${file}`);
}
