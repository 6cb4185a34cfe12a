import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ContentError, ContentErrors } from '../content-error.js';
import { INPUTS } from './inputs.js';
import { RULES } from './rules.js';
import { STEP_IDS } from './summary.js';

export interface Bilingual {
  da: string;
  en: string;
}

/** The rule module's texts (knowledge/rules/texts.yaml): outcomes, "hvorfor spørger vi?", answers in traces. */
export interface RuleTexts {
  inputs: Record<string, { why: Bilingual }>;
  answers: Record<string, Record<string, Bilingual>>;
  goals: Record<string, Bilingual>;
  trace: { prefix: Bilingual; prefixEmployer: Bilingual; and: Bilingual; general: Bilingual };
  outcomes: Record<string, Bilingual>;
  /** The next steps a personal summary may give (summary.ts), by id. */
  steps: Record<string, Bilingual>;
}

/**
 * A Danish and an English text and nothing else. A stray key is almost always an unquoted comma in a YAML flow mapping
 * ("{ da: at du fik SU, da du blev optaget, en: ... }" cuts the Danish text at the comma), so it is an error.
 */
function isBilingual(v: unknown): v is Bilingual {
  const b = v as Bilingual;
  return (
    !!b &&
    typeof b.da === 'string' &&
    b.da.trim() !== '' &&
    typeof b.en === 'string' &&
    b.en.trim() !== '' &&
    Object.keys(b).every((k) => k === 'da' || k === 'en')
  );
}

/** Reads texts.yaml and checks that every rule and every input has its texts in both languages. */
export function loadRuleTexts(path: string, root: string): RuleTexts {
  const file = relative(root, path);
  const errors: ContentError[] = [];
  let doc: RuleTexts;
  try {
    doc = parseYaml(readFileSync(path, 'utf8')) as RuleTexts;
  } catch (e) {
    throw new ContentErrors([new ContentError(file, '(file)', `is not valid YAML: ${(e as Error).message}`)]);
  }
  for (const rule of RULES) {
    if (!isBilingual(doc.outcomes?.[rule.id]))
      errors.push(new ContentError(file, `outcomes.${rule.id}`, 'needs a Danish and an English text'));
  }
  for (const input of INPUTS) {
    if (!isBilingual(doc.inputs?.[input.name]?.why))
      errors.push(new ContentError(file, `inputs.${input.name}.why`, 'needs a Danish and an English text'));
    const answers = doc.answers?.[input.name];
    const keys = input.type === 'enum' ? [...input.values] : input.type === 'boolean' ? ['true', 'false'] : ['value'];
    for (const key of keys) {
      if (!isBilingual(answers?.[key]))
        errors.push(
          new ContentError(
            file,
            `answers.${input.name}.${key}`,
            'needs a Danish and an English text, and nothing else (quote a text with a comma)',
          ),
        );
    }
    // A number may have its own text for zero.
    if (input.type === 'integer' && answers?.zero !== undefined && !isBilingual(answers.zero)) {
      errors.push(
        new ContentError(file, `answers.${input.name}.zero`, 'needs a Danish and an English text, and nothing else'),
      );
    }
  }
  for (const key of ['prefix', 'prefixEmployer', 'and', 'general'] as const) {
    if (!isBilingual(doc.trace?.[key]))
      errors.push(new ContentError(file, `trace.${key}`, 'needs a Danish and an English text'));
  }
  for (const [key, goal] of Object.entries(doc.goals ?? {})) {
    if (!isBilingual(goal))
      errors.push(
        new ContentError(
          file,
          `goals.${key}`,
          'needs a Danish and an English text, and nothing else (quote a text with a comma)',
        ),
      );
  }
  if (!doc.goals?.unknown) errors.push(new ContentError(file, 'goals.unknown', 'needs a Danish and an English text'));
  for (const id of STEP_IDS) {
    if (!isBilingual(doc.steps?.[id]))
      errors.push(new ContentError(file, `steps.${id}`, 'needs a Danish and an English text'));
  }
  if (errors.length) throw new ContentErrors(errors);
  return doc;
}
