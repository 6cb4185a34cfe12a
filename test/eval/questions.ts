import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { projectRoot } from '../../knowledge/paths.js';

export interface EvalQuestion {
  q: string;
  lang: 'da' | 'en';
  /** The best article; empty for a question the search must decline. */
  expect: string[];
  alsoAccept?: string[];
}

/** Reads a question set from test/cases/ (default: eval-questions.yaml). */
export function loadQuestions(file = 'eval-questions.yaml'): EvalQuestion[] {
  const doc = parseYaml(readFileSync(join(projectRoot(), 'test', 'cases', file), 'utf8')) as { questions: EvalQuestion[] };
  return doc.questions;
}
