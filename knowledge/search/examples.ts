import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ContentError, ContentErrors } from '../content-error.js';
import { filesBelow } from '../files.js';
import type { Lang } from './normalise.js';

/**
 * Questions people wrote without seeing the articles (knowledge/examples/), each labelled with the article that answers
 * it. The phrasing classifier learns from them besides the articles' own phrasings; the evaluation uses each set as a
 * development set, judged by a classifier trained without it (test/eval/questions.ts).
 */
export interface ExampleQuestion {
  q: string;
  lang: Lang;
  /** The articles holding the facts asked for; empty for a question the bot must decline. */
  expect: string[];
  alsoAccept?: string[];
  /** Out of scope only: near our topic (jobs, benefits, other mentors). */
  near?: boolean;
}

/** A named set: `<name>.yaml`, or the questions*.yaml files of the folder `<name>/`. */
export interface ExampleSet {
  name: string;
  files: string[];
  questions: ExampleQuestion[];
}

/** The set a file below knowledge/examples/ belongs to: its folder, or its own name for a file at the top. */
function setName(dir: string, file: string): string {
  const rel = relative(dir, file).split(/[\\/]/);
  return rel.length > 1 ? rel[0]! : rel[0]!.replace(/\.yaml$/, '');
}

/**
 * Reads every example set below `dir`, checking that each question has a text and a language and that every id it
 * names is an article. Throws ContentErrors naming the file and the question.
 */
export function loadExamples(dir: string, root: string, articleIds: ReadonlySet<string>): ExampleSet[] {
  const errors: ContentError[] = [];
  const sets = new Map<string, ExampleSet>();
  for (const path of filesBelow(dir, ['.yaml'])) {
    const file = relative(root, path);
    let doc: { questions?: unknown };
    try {
      doc = parseYaml(readFileSync(path, 'utf8')) as { questions?: unknown };
    } catch (e) {
      errors.push(new ContentError(file, '(file)', `is not valid YAML: ${(e as Error).message}`));
      continue;
    }
    if (!Array.isArray(doc?.questions)) {
      errors.push(new ContentError(file, 'questions', 'must be a list of questions'));
      continue;
    }
    const name = setName(dir, path);
    const set = sets.get(name) ?? { name, files: [], questions: [] };
    sets.set(name, set);
    set.files.push(path);
    doc.questions.forEach((raw: unknown, i: number) => {
      const q = (raw ?? {}) as Partial<ExampleQuestion>;
      const at = `questions[${i}]`;
      if (typeof q.q !== 'string' || q.q.trim() === '') errors.push(new ContentError(file, at, 'needs a question q'));
      if (q.lang !== 'da' && q.lang !== 'en') errors.push(new ContentError(file, at, 'needs lang: da or en'));
      if (!Array.isArray(q.expect)) errors.push(new ContentError(file, at, 'needs expect: a list of article ids'));
      for (const id of [...(q.expect ?? []), ...(q.alsoAccept ?? [])]) {
        if (!articleIds.has(id)) errors.push(new ContentError(file, at, `names "${id}", which is no article`));
      }
      set.questions.push(q as ExampleQuestion);
    });
  }
  if (errors.length) throw new ContentErrors(errors);
  return [...sets.values()];
}

/** The key under which examplePhrasings gathers the questions no article answers. */
export const OUT_OF_SCOPE = '';

/**
 * The phrasings the classifier learns from the example sets (leaving out the set `without`): per article id, each
 * in-scope question for the first article it expects; under OUT_OF_SCOPE, the questions no article answers.
 */
export function examplePhrasings(sets: readonly ExampleSet[], without?: string): Map<string, ExampleQuestion[]> {
  const out = new Map<string, ExampleQuestion[]>();
  for (const set of sets) {
    if (set.name === without) continue;
    for (const q of set.questions) {
      const id = q.expect[0] ?? OUT_OF_SCOPE;
      out.set(id, [...(out.get(id) ?? []), q]);
    }
  }
  return out;
}
