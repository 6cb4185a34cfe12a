/**
 * npm run eval: how the bot meets what people write, per set in test/cases/ (eval-*.yaml, dev/, heldout/).
 * Questions: direct-and-right, right first, top 3, confidently wrong and out-of-scope declined. People: simulated
 * people who chat in their own words (test/eval/converse.ts) and reach the right, cited conclusion.
 *   npm run eval                        every development set (eval-*.yaml, dev/)
 *   npm run eval -- --heldout           the held-out sets too (measure them rarely: before and after a piece of work)
 *   npm run eval -- dev                 the sets whose name contains "dev"
 *   npm run eval -- --misses            also list what a development set got wrong (never a held-out set)
 *   npm run eval -- --questions | --people
 *   npm run eval -- --explain "..."     how the search reads one question
 * The date is fixed at 2026-11-29, the date the sets were written for, so a figure does not drift with the calendar.
 */
import { MemoryStorage } from 'botbuilder';
import { createApp } from '../../bot/app.js';
import { readConfig } from '../../bot/config.js';
import { createBotRuntime } from '../../bot/runtime.js';
import { askQuestion } from '../../knowledge/answer.js';
import { converse } from './converse.js';
import { loadPeople } from './people.js';
import { EVAL_DATE, evalSets, isHeldOut, kbFor, questionsIn } from './questions.js';
import { type EvalReport, addReports, askedOf, emptyReport, scoreQuestions } from './score.js';

const kb = kbFor();
const args = process.argv.slice(2);
const explainAt = args.indexOf('--explain');
if (explainAt >= 0) {
  const q = args[explainAt + 1] ?? '';
  for (const t of kb.search.explain(q))
    console.log(`${t.lang} ${t.term} weight ${t.weight.toFixed(2)} -> ${t.matches.join(', ') || '(no match)'}`);
  const out = askQuestion(kb, q, { date: EVAL_DATE });
  console.log(
    out.status,
    out.hits.map((h) => `${h.article.id} (${h.score.toFixed(1)}, coverage ${h.coverage.toFixed(2)})`).join(' | '),
    out.redirect ? `redirect ${out.redirect.id}` : '',
  );
  process.exit(0);
}

const pct = (n: number, d: number) => (d === 0 ? '   n/a ' : `${((100 * n) / d).toFixed(1).padStart(5)} %`);
const filters = args.filter((a) => !a.startsWith('--'));
const heldOut = args.includes('--heldout');
const chosen = (name: string) =>
  (!isHeldOut(name) || heldOut) &&
  (filters.length === 0 || filters.some((f) => name.includes(f.replace(/\.yaml$/, ''))));
const showMisses = args.includes('--misses');
const onlyPeople = args.includes('--people');
const onlyQuestions = args.includes('--questions');

if (!onlyPeople) {
  console.log('questions      in scope  direct+right  right first    top 3  confidently wrong  out of scope  declined');
  let all: EvalReport = emptyReport();
  for (const set of evalSets('questions').filter((s) => chosen(s.name))) {
    const questions = questionsIn(set);
    const r = scoreQuestions(questions, (q) => {
      const out = askQuestion(kbFor(set), q.q, { date: EVAL_DATE, lang: q.lang });
      return askedOf(out);
    });
    if (showMisses && !set.heldOut) {
      for (const m of r.misses)
        console.log(
          `  MISS [${m.status}] "${m.q}" expected ${m.expected.join('|') || '(decline)'} got ${m.got.join(', ') || '(nothing)'}`,
        );
    }
    console.log(
      `${(set.name + (set.heldOut ? '*' : '')).padEnd(14)} ${String(r.inScope).padStart(8)}  ${pct(r.directRight, r.inScope).padStart(12)}  ${pct(r.top1, r.inScope).padStart(11)}  ${pct(r.top3, r.inScope)}  ${pct(r.confidentWrong, r.inScope).padStart(17)}  ${String(r.outOfScope).padStart(12)}  ${pct(r.declined, r.outOfScope)}`,
    );
    all = addReports(all, r);
  }
  console.log(
    'Goals: direct+right >= 85 %, right first >= 93 %, top 3 >= 97 %, confidently wrong <= 2 %, declined >= 97 %.',
  );
  console.log(
    '* held out: written by someone who never saw the knowledge base or the tests; only its totals are ever shown.',
  );
}

if (!onlyQuestions) {
  const config = readConfig({ LOG_LEVEL: 'silent', STORAGE: 'memory' });
  console.log('\npeople         reached the right, cited conclusion');
  for (const set of evalSets('people').filter((s) => chosen(s.name))) {
    const people = set.files.flatMap((f) => loadPeople(f));
    let reached = 0;
    for (const person of people) {
      const runtime = createBotRuntime(config, kb, { storage: new MemoryStorage(), today: () => EVAL_DATE });
      const result = await converse(createApp(kb, runtime), person);
      if (result.reached) reached++;
      else if (showMisses && !set.heldOut)
        console.log(
          `  MISS ${person.name} (expected ${person.expect.kinds.join('|')} ${person.expect.citation})\n    ${result.lines.join('\n    ')}`,
        );
    }
    console.log(`${(set.name + (set.heldOut ? '*' : '')).padEnd(14)} ${reached} of ${people.length}`);
  }
  console.log('Goal: at least 35 of 39 (90 %).');
}
