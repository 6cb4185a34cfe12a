import { readFileSync, readdirSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type KnowledgeBase, fromBundle, loadBundle } from '../../knowledge/kb.js';
import { knowledgePaths, projectRoot } from '../../knowledge/paths.js';
import { trainPhrasingClassifier } from '../../knowledge/search/build-index.js';
import { type ExampleQuestion, examplePhrasings, loadExamples } from '../../knowledge/search/examples.js';

/** A question of a set: the example format (knowledge/search/examples.ts), which the held-out sets share. */
export type EvalQuestion = ExampleQuestion;

/** The date every evaluation asks on, the date the sets were written for: a figure does not drift with the calendar. */
export const EVAL_DATE = '2026-11-29';

/** The articles that hold the facts a question asks for: the expected one and those also accepted. */
export const acceptable = (q: EvalQuestion): Set<string> => new Set([...q.expect, ...(q.alsoAccept ?? [])]);

const casesDir = () => join(projectRoot(), 'test', 'cases');
const examplesDir = () => knowledgePaths().examples;

/** Reads one question file: a path, or a file below knowledge/examples/ ("eval-fresh.yaml", "dev/questions.yaml"). */
export function loadQuestions(file = 'eval-questions.yaml'): EvalQuestion[] {
  const path = isAbsolute(file) ? file : join(examplesDir(), file);
  const doc = parseYaml(readFileSync(path, 'utf8')) as { questions: EvalQuestion[] };
  return doc.questions;
}

/**
 * A named set: its files (paths), and whether it is held out. The development question sets are the example sets in
 * knowledge/examples/ (the classifier learns from them; each is judged by a classifier trained without it: kbFor). The
 * held-out sets (test/cases/heldout*\/) and every people set are in test/cases/. A held-out set is reported only as
 * totals, never question by question, so that nobody tunes on it by reading its misses.
 */
export interface EvalSet {
  name: string;
  files: string[];
  heldOut: boolean;
}

/** Every question of a set, from all its files. */
export const questionsIn = (set: EvalSet): EvalQuestion[] => set.files.flatMap((f) => loadQuestions(f));

/** heldout/, heldout2/ ...: sets reported as totals only. */
export const isHeldOut = (name: string) => /^heldout\d*$/.test(name);

const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
const numbered = (dir: string, prefix: string) =>
  readdirSync(dir)
    .filter((f) => new RegExp(`^${prefix}\\d*$`).test(f))
    .sort(byNumber);

/** The files of `kind` in a set's folder, as paths; [] when there are none. */
function filesOf(dir: string, kind: 'questions' | 'people'): string[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.startsWith(kind) && f.endsWith('.yaml'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** The question or people sets: the development sets first, then the held-out ones. */
export function evalSets(kind: 'questions' | 'people'): EvalSet[] {
  // The development question sets are the example sets as the build names them: eval-*.yaml first, then the dev
  // folders in their number's order.
  const development: EvalSet[] =
    kind === 'questions'
      ? examples()
          .map((e) => ({ name: e.name, files: e.files, heldOut: false }))
          .sort((a, b) => Number(isEval(b.name)) - Number(isEval(a.name)) || byNumber(a.name, b.name))
      : numbered(casesDir(), 'dev').map((folder) => ({
          name: folder,
          files: filesOf(join(casesDir(), folder), 'people'),
          heldOut: false,
        }));
  const heldOut = numbered(casesDir(), 'heldout').map((folder) => ({
    name: folder,
    files: filesOf(join(casesDir(), folder), kind),
    heldOut: true,
  }));
  return [...development, ...heldOut].filter((set) => set.files.length > 0);
}

const isEval = (name: string) => name.startsWith('eval-');
const bundle = memo(() => loadBundle());
const examples = memo(() => loadExamples(examplesDir(), projectRoot(), new Set(bundle().articles.map((a) => a.id))));
const kbs = new Map<string, KnowledgeBase>();

/**
 * The knowledge base to judge a set with: for a development set, one whose phrasing classifier was trained without
 * that set's questions (so its figures say how the bot meets questions it has not learnt from); for a held-out set or
 * a conversation, the knowledge base as built.
 */
export function kbFor(set?: EvalSet): KnowledgeBase {
  const key = set && !set.heldOut && examples().some((e) => e.name === set.name) ? set.name : '';
  let kb = kbs.get(key);
  if (!kb) {
    const b = bundle();
    const search =
      key === ''
        ? b.search
        : { ...b.search, classifier: trainPhrasingClassifier(b.articles, examplePhrasings(examples(), key)) };
    kb = fromBundle({ ...b, search });
    kbs.set(key, kb);
  }
  return kb;
}

function memo<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}
