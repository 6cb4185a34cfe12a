import {
  BENEFITS,
  type Benefit,
  EDUCATION_KINDS,
  type InputName,
  MENTOR_TYPES,
  SITUATIONS,
  type Situation,
  benefitOn,
  benefitsOn,
} from '../../knowledge/rules/inputs.js';
import { type IsoDate, todayInDenmark } from '../../knowledge/dates.js';
import type { Lexicon } from '../../knowledge/understand/lexicon.js';
import type { Lang } from '../../knowledge/search/normalise.js';
import { type ChoiceOption, matchChoice, parseAge, parseMonths, parseYesNo } from '../input/index.js';
import { sameLabel } from '../commands.js';
import type { Replies } from '../replies.js';
import type { TemplateKey } from '../template-keys.js';

/**
 * The inputs a dialog asks for. psychiatricDischarge is a health detail: it is asked only where it could give a right,
 * worded as a question about the right (not about health), with its reason and "ved ikke" always open.
 */
export type AskableInput = InputName;

/**
 * How one answer was read: a value for the situation, or the template that says what was wrong. `answered` is true
 * when the text clearly was an answer, only a wrong one (an age of -5), so it is not mistaken for a question.
 */
export type Reading =
  { ok: true; value: Situation[AskableInput] } | { ok: false; problem: TemplateKey; answered?: boolean };

type ChoiceInput = 'situation' | 'benefit' | 'educationKind' | 'benefitAtAdmission' | 'mentorType';
type YesNoInput =
  | 'admittedToEducation'
  | 'admittedRecently'
  | 'hasVocationalEducation'
  | 'supportBeyondUsual'
  | 'severalPersons'
  | 'psychiatricDischarge';

/**
 * Words people use for each choice besides its button labels come from the knowledge base's lexicon
 * (knowledge/understand/lexicon.yaml, `answers`): which words mean which situation or benefit is knowledge.
 */
const VALUES: Record<ChoiceInput, readonly string[]> = {
  situation: SITUATIONS,
  benefit: BENEFITS,
  educationKind: EDUCATION_KINDS,
  benefitAtAdmission: BENEFITS,
  mentorType: MENTOR_TYPES,
};

const YES_NO: readonly YesNoInput[] = [
  'admittedToEducation',
  'admittedRecently',
  'hasVocationalEducation',
  'supportBeyondUsual',
  'severalPersons',
  'psychiatricDischarge',
];

const isChoice = (input: AskableInput): input is ChoiceInput => input in VALUES;

/** Choices shown at once; a longer list shows FIRST_PAGE of them and "Flere svar". */
const MAX_CHOICES = 5;
const FIRST_PAGE = 4;
const isYesNo = (input: AskableInput): input is YesNoInput => (YES_NO as readonly string[]).includes(input);

/**
 * The questions of the intakes: how each is asked (text and buttons, from the templates) and how an answer is read.
 * Reading is deterministic and uses the Danish input parser; the rule module decides which question comes next.
 */
export class IntakeQuestions {
  private readonly options: Record<ChoiceInput, ChoiceOption<string>[]>;

  constructor(
    private readonly replies: Replies,
    /** The knowledge base's lexicon: the words that name each choice. */
    lexicon: Pick<Lexicon, 'answerWords'>,
    /** The date the benefits on offer are those of (uddannelseshjælp is gone from 1 July 2025). */
    private readonly today: () => IsoDate = () => todayInDenmark(),
  ) {
    // The benefit at admission is named with the words of a benefit.
    const wordsOf = (input: ChoiceInput) => lexicon.answerWords(input === 'benefitAtAdmission' ? 'benefit' : input);
    const opts = (input: ChoiceInput) =>
      VALUES[input].map((value) => ({
        value,
        words: [...(wordsOf(input)[value] ?? []), this.label(input, value, 'da'), this.label(input, value, 'en')],
      }));
    this.options = {
      situation: opts('situation'),
      benefit: opts('benefit'),
      educationKind: opts('educationKind'),
      benefitAtAdmission: opts('benefitAtAdmission'),
      mentorType: opts('mentorType'),
    };
  }

  /** The values to offer as buttons: today's benefits for today's benefit (the one at admission may be an old one). */
  private values(input: ChoiceInput): readonly string[] {
    return input === 'benefit' ? benefitsOn(this.today()) : VALUES[input];
  }

  private label(input: ChoiceInput, value: string, lang: Lang): string {
    return this.replies.text(lang, `choice.${input}.${value}` as TemplateKey);
  }

  /**
   * The question and its answer buttons (the "why" and "don't know" buttons included). A long list of choices is
   * shown a page at a time: the first FIRST_PAGE and "Flere svar" (page 0), then the rest (page 1), so a phone never
   * gets ten buttons at once. Every choice can be typed on either page.
   */
  question(input: AskableInput, lang: Lang, page = 0): { text: string; buttons: string[] } {
    const t = (key: TemplateKey) => this.replies.text(lang, key);
    const extra = [t('buttons.dontKnow'), t('buttons.why')];
    let buttons: string[];
    if (isChoice(input)) {
      const all = this.values(input).map((v) => this.label(input, v, lang));
      buttons =
        all.length <= MAX_CHOICES
          ? all
          : page === 0
            ? [...all.slice(0, FIRST_PAGE), t('buttons.more')]
            : all.slice(FIRST_PAGE);
    } else if (isYesNo(input)) buttons = [t('buttons.yes'), t('buttons.no')];
    else if (input === 'monthsWithMentor') buttons = [t('buttons.noneYet')];
    else buttons = [];
    return { text: t(`ask.${input}` as TemplateKey), buttons: [...buttons, ...extra] };
  }

  /** An answer as a person reads it: the choice's label, "Ja"/"Nej", or the number. */
  answerLabel(input: AskableInput, value: unknown, lang: Lang): string {
    if (isChoice(input)) return this.label(input, String(value), lang);
    if (typeof value === 'boolean') return this.replies.text(lang, value ? 'buttons.yes' : 'buttons.no');
    return String(value);
  }

  /** Reads an answer to `input`. */
  read(input: AskableInput, text: string, lang: Lang): Reading {
    if (isChoice(input)) {
      const m = matchChoice(text, this.options[input]);
      if (m.kind !== 'one') return { ok: false, problem: 'ask.notUnderstood.choice' };
      // The words people still use for a benefit that was replaced name the benefit that replaced it.
      const value = input === 'benefit' ? benefitOn(m.value as Benefit, this.today()) : m.value;
      return { ok: true, value: value as Situation[ChoiceInput] };
    }
    if (isYesNo(input)) {
      const yes = parseYesNo(text, lang);
      return yes === null ? { ok: false, problem: 'ask.notUnderstood.yesNo' } : { ok: true, value: yes };
    }
    if (input === 'age') {
      const age = parseAge(text, lang);
      if (age.ok) return { ok: true, value: age.years };
      const problems = {
        negative: 'ask.ageProblem.negative',
        'too-high': 'ask.ageProblem.tooHigh',
        'not-whole': 'ask.ageProblem.notWhole',
        'no-number': 'ask.notUnderstood.age',
      } as const;
      return { ok: false, problem: problems[age.problem], answered: age.problem !== 'no-number' };
    }
    // monthsWithMentor
    if (sameLabel(text, this.replies.text(lang, 'buttons.noneYet'))) return { ok: true, value: 0 };
    // "Har du allerede en mentor?" invites a plain no: no mentor yet is 0 months. A plain yes still needs the months.
    if (parseYesNo(text, lang) === false) return { ok: true, value: 0 };
    const months = parseMonths(text, lang);
    if (months === null || months < 0 || months > 240) return { ok: false, problem: 'ask.notUnderstood.months' };
    return { ok: true, value: Math.round(months) };
  }
}
