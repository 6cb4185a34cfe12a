import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { projectRoot } from '../../knowledge/paths.js';

export interface EvalQuestion {
  q: string;
  lang: 'da' | 'en';
  /** The articles holding the facts asked for; empty for a question the bot must decline. */
  expect: string[];
  alsoAccept?: string[];
  /** Out of scope only: near our topic (jobs, benefits, other mentors). */
  near?: boolean;
}

/** The date every evaluation asks on, the date the sets were written for: a figure does not drift with the calendar. */
export const EVAL_DATE = '2026-11-29';

/** The articles that hold the facts a question asks for: the expected one and those also accepted. */
export const acceptable = (q: EvalQuestion): Set<string> => new Set([...q.expect, ...(q.alsoAccept ?? [])]);

const casesDir = () => join(projectRoot(), 'test', 'cases');

/** Reads one question file from test/cases/ (a path below it, such as "dev/questions.yaml"). */
export function loadQuestions(file = 'eval-questions.yaml'): EvalQuestion[] {
  const doc = parseYaml(readFileSync(join(casesDir(), file), 'utf8')) as { questions: EvalQuestion[] };
  return doc.questions;
}

/**
 * A named set: its files (test/cases/<name>.yaml, or every questions*.yaml / people*.yaml in test/cases/<name>/),
 * and whether it is held out: a held-out set is reported only as totals, never question by question, so that
 * nobody tunes on it by reading its misses.
 */
export interface EvalSet {
  name: string;
  files: string[];
  heldOut: boolean;
}

/** heldout/, heldout2/ ...: sets reported as totals only. */
/** Every question of a set, from all its files. */
export const questionsIn = (set: EvalSet): EvalQuestion[] => set.files.flatMap((f) => loadQuestions(f));

export const isHeldOut = (name: string) => /^heldout\d*$/.test(name);

/** The question or people sets in test/cases/: the flat eval-*.yaml files, the dev, dev2 ... folders and heldout/. */
export function evalSets(kind: 'questions' | 'people'): EvalSet[] {
  const sets: EvalSet[] = [];
  if (kind === 'questions') {
    for (const f of readdirSync(casesDir())
      .filter((f) => /^eval-.*\.yaml$/.test(f))
      .sort()) {
      sets.push({ name: f.replace(/\.yaml$/, ''), files: [f], heldOut: false });
    }
  }
  const numbered = (prefix: string) =>
    readdirSync(casesDir())
      .filter((f) => new RegExp(`^${prefix}\\d*$`).test(f))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const folder of [...numbered('dev'), ...numbered('heldout')]) {
    let files: string[];
    try {
      files = readdirSync(join(casesDir(), folder))
        .filter((f) => f.startsWith(kind) && f.endsWith('.yaml'))
        .sort();
    } catch {
      files = [];
    }
    if (files.length > 0)
      sets.push({ name: folder, files: files.map((f) => `${folder}/${f}`), heldOut: isHeldOut(folder) });
  }
  return sets;
}
