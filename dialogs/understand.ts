import type { KnowledgeBase } from '../knowledge/kb.js';
import {
  type InputName,
  type Role,
  SITUATION_OF_BENEFIT,
  type Situation,
  admittedWithinYouthRight,
  benefitOn,
} from '../knowledge/rules/inputs.js';
import type { IsoDate } from '../knowledge/dates.js';
import { DANISH_FUNCTION_WORDS, ENGLISH_FUNCTION_WORDS, type Lang } from '../knowledge/search/normalise.js';
import { type QuestionKind, firstPersonVoice } from '../knowledge/understand/lexicon.js';
import { type Command, recogniseCommand } from './commands.js';
import { parseAge, parseMonths, pastDateMentioned } from './input/index.js';
import type { AskableInput, IntakeQuestions } from './intake/questions.js';

/** The facts a message can state, as the rule module names them. */
export type Facts = Partial<Omit<Situation, 'role'>>;

/** Which words said each fact, for "fordi du skrev ..." (as the person wrote them, lower case). */
export type Said = Partial<Record<keyof Facts, string>>;

/**
 * One reading of a message, whatever the conversation is doing: the facts it states (with the words that said them),
 * the role it speaks in, its language when that is clear, a command, what kind of question it asks, and the answer
 * to the question the bot asked, if it is one. Every part of the bot acts on this one reading.
 */
export interface Reading {
  text: string;
  facts: Facts;
  said: Said;
  role: Role | null;
  /** The message's language when its words clearly say so (a long enough message); else null. */
  lang: Lang | null;
  command: Command | null;
  kinds: QuestionKind[];
  /** It asks something (and is more than an answer to the bot's question). */
  asks: boolean;
  /** The person writes for somebody else (a son, a mother). */
  aboutOther: boolean;
  /** The answer to the question the bot asked (`pending`), when the message gives one. */
  answer: { input: AskableInput; value: unknown } | null;
}

export interface ReadingContext {
  lang: Lang;
  /** The date the words are read on: "uddannelseshjælp" means kontanthjælp from 1 July 2025. */
  date: IsoDate;
  /** The fact the bot asked for in its last message, if any. */
  pending?: AskableInput;
}

const QUESTION_START =
  /^(hv\w*|kan|kunne|må|skal|er|har|får|bliver|gælder|findes|what|how|who|when|where|why|which|can|could|do|does|is|are|will|would|should|am)(?=[\s,.!?]|$)/iu;

/** A question rather than a statement: a question mark, or a question word first, in a message of a few words. */
export function looksLikeQuestion(text: string): boolean {
  const t = text.trim();
  const words = t.split(/\s+/u).filter(Boolean);
  if (words.length < 3) return false;
  return /\?/u.test(t) || QUESTION_START.test(t);
}

/**
 * The clauses of a message before its first question ("4 måneder, men kan jeg få forlænget?" → "4 måneder"); the
 * whole message when it asks nothing; empty when it starts with a question.
 */
export function beforeQuestion(text: string): string {
  if (!looksLikeQuestion(text)) return text;
  const clauses = text.split(/(?<=[,;:.!?\n])/u);
  const kept: string[] = [];
  for (const clause of clauses) {
    const c = clause.trim();
    if (QUESTION_START.test(c) || c.endsWith('?')) break;
    kept.push(clause);
  }
  return kept
    .join('')
    .replace(/[,;:\s]+$/u, '')
    .trim();
}

/** English function words against Danish ones; null unless the message is long enough and clearly one language. */
function languageOf(text: string): Lang | null {
  const words =
    text
      .toLowerCase()
      .replace(/['’]/g, '')
      .match(/\p{L}+/gu) ?? [];
  if (words.length < 3) return null;
  let en = 0;
  let da = 0;
  for (const w of words) {
    if (ENGLISH.has(w)) en++;
    if (DANISH.has(w)) da++;
  }
  if (en >= 2 && en >= 2 * da + 1) return 'en';
  if (da >= 2 && da >= 2 * en + 1) return 'da';
  return null;
}
// A chat message: greetings, thanks and everyday words besides the function words.
const ENGLISH = new Set([
  ...ENGLISH_FUNCTION_WORDS,
  ...['has', 'would', 'could', 'from', 'for', 'about', 'hello', 'hi', 'please', 'want', 'need', 'work', 'job', 'help'],
]);
const DANISH = new Set([...DANISH_FUNCTION_WORDS, 'hej', 'tak', 'jo', 'lige', 'gerne', 'hjælp', 'nej', 'ja']);

/** Outside the question about age, the youngest age read from a message ("jeg er 16"). */
const YOUNGEST_READ_AGE = 13;

/** "har haft mentor i 4 måneder", "haft en mentor siden ..." : a duration said about the mentor so far. */
const MENTOR_SO_FAR =
  /\bhaft\s+(?:en\s+|min\s+)?(?:mentor\w*\s+)?(?:i\s+)?(.{1,40})$|\b(?:had|have had)\s+(?:a\s+)?mentor\s+(?:for\s+)?(.{1,40})$/iu;

/**
 * Reads a message once, in context. Legal meaning (which words mean which situation or benefit) comes from the
 * knowledge base's lexicon; numbers, ages, durations and yes/no come from the Danish input parsers; the answer to the
 * pending question from the intake's own reading of it.
 */
export function readMessage(kb: KnowledgeBase, questions: IntakeQuestions, text: string, ctx: ReadingContext): Reading {
  const trimmed = text.trim();
  const lexicon = kb.lexicon.read(trimmed);
  const facts: Facts = {};
  const said: Said = {};
  let role: Role | null = null;
  const lang = languageOf(trimmed);
  const inLang = lang ?? ctx.lang;
  for (const [fact, found] of Object.entries(lexicon.facts)) {
    if (!found) continue;
    if (fact === 'role') role = found.value as Role;
    else {
      (facts as Record<string, unknown>)[fact] = found.value;
      said[fact as keyof Facts] = found.said;
    }
  }
  // Numbers in a condition ("hvad hvis jeg bliver 25") are not the person's.
  const stated = kb.lexicon.statedPart(trimmed);
  // While the bot waits for an answer, a question's own words ("hvem betaler, min arbejdsplads eller kommunen?") state
  // nothing else about the person: only the clauses before the question do, besides the answer itself.
  if (ctx.pending && looksLikeQuestion(trimmed)) {
    const before = beforeQuestion(stated);
    const statement = kb.lexicon.read(before).facts;
    // "hvad er et fleksjob?" asks what the word means: it is no answer, not even to the question about it.
    const asksMeaning = before === '' && lexicon.kinds.includes('whatIs');
    for (const fact of Object.keys(facts) as (keyof Facts)[]) {
      if ((fact === ctx.pending && !asksMeaning) || fact in statement) continue;
      delete facts[fact];
      delete said[fact];
    }
  }
  // Outside the question about age, a small number of years is not an age ("et år på efterskole").
  const age = parseAge(stated, inLang);
  if (age.ok && (ctx.pending === 'age' || age.years >= YOUNGEST_READ_AGE)) {
    facts.age = age.years;
    said.age = String(age.years);
  }
  const soFar = MENTOR_SO_FAR.exec(stated);
  if (soFar) {
    const months = parseMonths(soFar[1] ?? soFar[2] ?? '', inLang);
    if (months !== null && months >= 0 && months <= 240) {
      facts.monthsWithMentor = Math.round(months);
      said.monthsWithMentor = soFar[0].trim();
    }
  }
  // The kind of education counts for the admission only: asked about a vocational qualification or anything else,
  // "et år på efterskole" or "et AMU-kursus" tells of schooling before, not of the education the person is admitted to.
  const askedOfAdmission =
    ctx.pending === 'admittedToEducation' || ctx.pending === 'educationKind' || ctx.pending === 'admittedRecently';
  if (
    !askedOfAdmission &&
    ctx.pending !== undefined &&
    facts.admittedToEducation !== true &&
    facts.educationKind !== undefined
  ) {
    delete facts.educationKind;
    delete said.educationKind;
  }
  // Asked whether they are admitted to an education, a person who names the education ("SOSU-hjælper på SOSU Nord")
  // or their start says yes.
  const admission = kb.lexicon.admission(stated);
  if (ctx.pending === 'admittedToEducation' && facts.admittedToEducation === undefined) {
    const words = said.educationKind ?? (facts.situation === 'uddannelse' ? said.situation : admission.past);
    if (words) {
      facts.admittedToEducation = true;
      said.admittedToEducation = words;
    }
  }
  // When an admission lies in the past, its date says whether the youth right's months are still running ("startede
  // i august").
  const aboutAdmission = facts.admittedToEducation === true || askedOfAdmission;
  if (aboutAdmission && facts.admittedRecently === undefined && admission.past !== null && !admission.ahead) {
    const when = pastDateMentioned(stated, inLang, ctx.date);
    if (when) {
      facts.admittedRecently = admittedWithinYouthRight(when.date, ctx.date);
      said.admittedRecently = when.said;
    }
  }
  // An employer's facts make the role; a citizen's facts (a benefit, a discharge) make the other.
  // One who writes of themselves ("jeg glemmer aftaler", "min chef") is a citizen, whatever else they say.
  if (
    role === null &&
    firstPersonVoice(stated) !== 'citizen' &&
    (facts.supportBeyondUsual !== undefined || facts.mentorType !== undefined || facts.severalPersons !== undefined)
  )
    role = 'employer';
  // A question about the benefit at admission is answered with a benefit's words: they answer it, and say nothing
  // about today's benefit or situation (so they correct neither).
  if (ctx.pending === 'benefitAtAdmission') {
    if (facts.benefit !== undefined) {
      facts.benefitAtAdmission = facts.benefit;
      said.benefitAtAdmission = said.benefit;
    }
    delete facts.benefit;
    delete said.benefit;
    delete facts.situation;
    delete said.situation;
  }
  // Asked what fits them best, a benefit alone ("uddannelseshjælp") says the situation too.
  if (ctx.pending === 'situation' && facts.situation === undefined && facts.benefit !== undefined) {
    const situation = SITUATION_OF_BENEFIT[facts.benefit];
    if (situation) {
      facts.situation = situation;
      said.situation = said.benefit;
    }
  }
  // Today's benefit: a benefit's old name ("uddannelseshjælp") means the one that replaced it.
  if (facts.benefit !== undefined) facts.benefit = benefitOn(facts.benefit, ctx.date);
  let answer: Reading['answer'] = null;
  if (ctx.pending) {
    // The lexicon reads phrases ("det gør vi ikke for andre" is more than usual); the intake's own reading takes the
    // short answers (a button, "ja", "36").
    if (ctx.pending in facts) answer = { input: ctx.pending, value: (facts as Record<string, unknown>)[ctx.pending] };
    else {
      // Only what comes before a question in the message: "hvem betaler så, min arbejdsplads?" asks, it does not
      // answer.
      const before = beforeQuestion(stated);
      const reading = before ? questions.read(ctx.pending, before.slice(0, 1000), inLang) : null;
      const value =
        ctx.pending === 'psychiatricDischarge'
          ? dischargeAnswer(kb, reading, before, facts)
          : reading?.ok
            ? reading.value
            : undefined;
      if (value !== undefined) answer = { input: ctx.pending, value };
    }
  }
  const command = recogniseCommand(trimmed);
  const asks = looksLikeQuestion(trimmed) && !(answer && trimmed.split(/\s+/).length <= 4);
  return {
    text: trimmed,
    facts,
    said,
    role,
    lang,
    command,
    kinds: lexicon.kinds,
    asks,
    aboutOther: lexicon.aboutOther,
    answer,
  };
}

/** The facts a message changes: those it states that were known before with another value ("nej, jeg er ledig"). */
export function changedFacts(before: object, stated: Facts): (keyof Facts)[] {
  const known = before as Record<string, unknown>;
  return (Object.keys(stated) as (keyof Facts)[]).filter(
    (name) => known[name] !== undefined && known[name] !== stated[name],
  );
}

/** The person's own words for some facts, each once, for "Det har jeg noteret: »…«" (empty when none). */
export function wordsFor(names: readonly (keyof Facts)[], said: Said): string {
  return [...new Set(names.map((n) => said[n]).filter((w) => w))].join(', ');
}

/**
 * The answer to the discharge question, which names psychiatry itself. A "ja" that goes on about something else ("ja
 * jeg er optaget for en måned siden") answers that other thing: no right is given on a yes meant for another
 * question. Words of an admission or a discharge answer it without a "ja" ("indlagt i 3 uger, udskrives om en uge").
 */
function dischargeAnswer(
  kb: KnowledgeBase,
  reading: ReturnType<IntakeQuestions['read']> | null,
  before: string,
  facts: Facts,
): unknown {
  if (reading?.ok) return reading.value === true && Object.keys(facts).length > 0 ? undefined : reading.value;
  return (before ? kb.lexicon.dischargeAnswered(before) : null) ?? undefined;
}

/**
 * The facts of a reading the intake can use for the given role: a citizen's for a citizen, an employer's for an
 * employer.
 */
export function factsFor(role: Role, facts: Facts): Facts {
  const citizen: (keyof Facts)[] = [
    'situation',
    'benefit',
    'age',
    'hasVocationalEducation',
    'admittedToEducation',
    'educationKind',
    'admittedRecently',
    'benefitAtAdmission',
    'psychiatricDischarge',
    'seeksWorkOrEducation',
    'monthsWithMentor',
  ];
  const employer: (keyof Facts)[] = ['supportBeyondUsual', 'mentorType', 'severalPersons'];
  const keep = role === 'citizen' ? citizen : employer;
  const out: Facts = {};
  for (const k of keep) if (facts[k] !== undefined) (out as Record<string, unknown>)[k] = facts[k];
  return out;
}

/** The facts of a reading that a rule can use for the role (some fact the intake would otherwise ask). */
export function hasRuleFacts(role: Role, facts: Facts): boolean {
  return Object.keys(factsFor(role, facts)).length > 0;
}

export type { InputName };
