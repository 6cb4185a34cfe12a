import type { Citation } from '../citation.js';
import { ContentError } from '../content-error.js';
import { type IsoDate, inRange, rangesOverlap } from '../dates.js';
import type { LawRegistry } from '../law/registry.js';
import type { InputName, Situation } from './inputs.js';
import { type Certainty, type OutcomeKind, RULES, type Rule, type RuleContext } from './rules.js';
import type { Bilingual, RuleTexts } from './texts.js';

/** One thing that applies to the person, with why and on which law. */
export interface Outcome {
  id: string;
  kind: OutcomeKind;
  certainty: Certainty;
  text: string;
  textEn: string;
  /** "Fordi du svarede, at ..." */
  because: string;
  becauseEn: string;
  /** The answers the outcome rests on. */
  inputs: InputName[];
  citations: Citation[];
}

export interface Assessment {
  asOf: IsoDate;
  rulesVersion: string;
  outcomes: Outcome[];
  /** The sentence every answer on this date must carry (a new act not yet in the registry), or null. */
  notice: Bilingual | null;
}

/** Bump when a rule is added, removed or changed, so stored answers can be traced to the rules that gave them. */
export const RULES_VERSION = '2026-11-29.1';

/** The most favourable answers to the youth right's questions, one per benefit that can give it. */
const YOUTH_RIGHT_HOPES: readonly Partial<Situation>[] = (['uddannelseshjaelp', 'kontanthjaelp'] as const).map(
  (benefitAtAdmission) => ({
    age: 25,
    hasVocationalEducation: false,
    educationKind: 'qualifying',
    admittedRecently: true,
    benefitAtAdmission,
  }),
);

const KIND_ORDER: Record<OutcomeKind, number> = { right: 0, possible: 1, 'not-eligible': 2, info: 3 };

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function fill(template: string, vars: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
}

/**
 * The rule module: a situation and a date in, outcomes out. Pure and deterministic (the registry and texts are
 * given at construction). Only rules in force on the date apply, and only provisions in force on the date are
 * cited (a planned change is cited as expected).
 */
export class Assessor {
  constructor(
    private readonly registry: LawRegistry,
    private readonly texts: RuleTexts,
  ) {}

  /** A next step's text (texts.yaml `steps`) on `date`, with {authority} filled in. */
  step(id: string, date: IsoDate): Bilingual {
    const text = this.texts.steps[id];
    if (!text) throw new Error(`Unknown next step "${id}" (add it to knowledge/rules/texts.yaml, steps)`);
    const vars = (l: 'da' | 'en') => {
      const authority = this.registry.authorityName(date, l);
      return { authority, Authority: capitalise(authority) };
    };
    return { da: fill(text.da, vars('da')), en: fill(text.en, vars('en')) };
  }

  /** "Hvorfor spørger vi?" for an input. */
  why(input: InputName | 'role'): Bilingual {
    return this.texts.inputs[input]!.why;
  }

  assess(s: Situation, date: IsoDate): Assessment {
    const notice = this.registry.newActNotice(date);
    const ctx: RuleContext = { newActPending: notice !== null };
    const outcomes: Outcome[] = [];
    for (const rule of RULES) {
      if (!inRange(date, rule)) continue;
      const decision = rule.decide(s, ctx);
      if (!decision) continue;
      outcomes.push(this.outcome(rule, decision.because, decision.certainty ?? rule.certainty, s, date, notice));
    }
    outcomes.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
    return { asOf: date, rulesVersion: RULES_VERSION, outcomes, notice };
  }

  /**
   * Whether knowing `patch` on top of what is known would give the person a right they do not have now: what-if
   * reasoning for deciding whether a question is worth asking.
   */
  couldGiveRight(s: Situation, patch: Partial<Situation>, date: IsoDate): boolean {
    const rights = (x: Situation) =>
      new Set(
        this.assess(x, date)
          .outcomes.filter((o) => o.kind === 'right')
          .map((o) => o.id),
      );
    const now = rights(s);
    return [...rights({ ...s, ...patch })].some((id) => !now.has(id));
  }

  /**
   * Whether someone admitted to an education could still have the youth right (LAB § 167, stk. 3) on the most
   * favourable answers to what is not yet known: under 30, no vocational education, a qualifying education, admitted
   * recently, on the benefit of the group when admitted (uddannelseshjælp, or kontanthjælp since 1 July 2025).
   */
  youthRightStillOpen(s: Situation, date: IsoDate): boolean {
    if (s.role !== 'citizen' || s.admittedToEducation !== true) return false;
    return YOUTH_RIGHT_HOPES.some((hope) => {
      const unknown = Object.fromEntries(Object.entries(hope).filter(([k]) => s[k as InputName] === undefined));
      return this.couldGiveRight(s, unknown, date);
    });
  }

  private outcome(
    rule: Rule,
    because: InputName[],
    certainty: Certainty,
    s: Situation,
    date: IsoDate,
    notice: Bilingual | null,
  ): Outcome {
    const lang = (l: 'da' | 'en') => {
      const authority = this.registry.authorityName(date, l);
      const goal = this.texts.goals[s.situation ?? 'unknown'] ?? this.texts.goals.unknown!;
      const vars: Record<string, string> = {
        authority,
        Authority: capitalise(authority),
        goal: goal[l],
        age: String(s.age ?? ''),
        monthsWithMentor: String(s.monthsWithMentor ?? ''),
        notice: notice?.[l] ?? '',
      };
      const text = fill(this.texts.outcomes[rule.id]![l], vars);
      const reasons = because.map((name) => {
        const value = s[name];
        // A number reads through its `value` text; zero through its own `zero` text where there is one ("at du ikke
        // har en mentor endnu", not "at du har haft mentor i 0 måneder").
        const answers = this.texts.answers[name]!;
        const key = typeof value === 'number' ? (value === 0 && answers.zero ? 'zero' : 'value') : String(value);
        return fill(answers[key]![l], vars);
      });
      const t = this.texts.trace;
      const listed =
        reasons.length > 1 ? `${reasons.slice(0, -1).join(', ')}, ${t.and[l]} ${reasons.at(-1)}` : (reasons[0] ?? '');
      const prefix = s.role === 'employer' ? t.prefixEmployer : t.prefix;
      const trace = reasons.length === 0 ? `${t.general[l]}.` : `${prefix[l]} ${listed}.`;
      return { text, trace };
    };
    const da = lang('da');
    const en = lang('en');
    const citations = rule.citations
      .filter((c) => typeof c !== 'string' || this.registry.inForce(c, date))
      .map((c) => this.registry.citation(typeof c === 'string' ? c : c.id));
    return {
      id: rule.id,
      kind: rule.kind,
      certainty,
      text: da.text,
      textEn: en.text,
      because: da.trace,
      becauseEn: en.trace,
      inputs: because,
      citations,
    };
  }
}

/** Checks every rule against the registry: each citation exists and is in force for part of the rule's range. */
export function checkRuleCitations(registry: LawRegistry): ContentError[] {
  const file = 'knowledge/rules/rules.ts';
  const problems: ContentError[] = [];
  for (const rule of RULES) {
    for (const c of rule.citations) {
      const id = typeof c === 'string' ? c : c.id;
      if (!registry.has(id)) {
        problems.push(new ContentError(file, rule.id, `cites "${id}", which is not in the law registry`));
        continue;
      }
      const p = registry.provision(id);
      if (typeof c === 'string' && !rangesOverlap(rule, p)) {
        problems.push(
          new ContentError(file, rule.id, `cites "${id}", which is not in force at any time the rule holds`),
        );
      }
    }
    if (rule.citations.length === 0) problems.push(new ContentError(file, rule.id, 'cites nothing'));
  }
  return problems;
}
