import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { ContentError, ContentErrors } from '../content-error.js';
import { type PhraseMatch, type Words, compilePhrase, findPhrase, splitWords } from './phrases.js';

/**
 * The facts the lexicon reads, named as in knowledge/rules/inputs.ts, plus the person's role and the education's kind.
 */
export const LEXICON_FACTS = [
  'situation',
  'benefit',
  'psychiatricDischarge',
  'seeksWorkOrEducation',
  'admittedToEducation',
  'educationKind',
  'admittedRecently',
  'hasVocationalEducation',
  'supportBeyondUsual',
  'mentorType',
  'severalPersons',
  'role',
] as const;
export type LexiconFact = (typeof LEXICON_FACTS)[number];

export const QUESTION_KINDS = [
  'eligibility',
  'whoCanBeMentor',
  'cost',
  'coverage',
  'estimate',
  'duration',
  'extension',
  'apply',
  'complain',
  'deadline',
  'hours',
  'confidentiality',
  'whatIs',
  'amount',
  'travel',
  'notCovered',
  'writtenPlan',
  'changeMentor',
  'relativeMentor',
  'meetingPlace',
  'municipalMentor',
  'usualIntro',
  'decisive',
  'mentorTasks',
  'volunteer',
  'change',
  'example',
  'whatIsScheme',
  'complainOther',
  'otherSchemeAsked',
  'process',
] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/** knowledge/understand/lexicon.yaml as checked data (part of the knowledge bundle). */
export interface LexiconData {
  negations: string[];
  linkers: string[];
  conditions: string[];
  /** Phrases that put a psychiatric discharge years back, so it is not the discharge the right is about. */
  longAgo: string[];
  /**
   * Phrases that say, right after a situation or benefit, that it is over ("integrationsprogrammet er slut", "the
   * programme finished long ago"), or right before, that it was earlier ("tidligere på dagpenge"): not taken.
   */
  ended: string[];
  formerly: string[];
  /** Words of an admission that lies in the past, and of a start still ahead (a month then is not a past one's). */
  admissionPast: string[];
  startAhead: string[];
  /**
   * Words that answer the discharge question by themselves, since it names psychiatry ("indlagt i 3 uger, udskrives
   * om en uge"): yes, or no when negated ("ikke indlagt").
   */
  dischargeAnswer: string[];
  /** Words that join a list, so a negation before its first item holds for the next ("ikke X eller Y"). */
  listWords: string[];
  /**
   * The question kinds that a message asks in its questions: in a message of several sentences, only those found in a
   * sentence ending in "?" count, when any is found there (the other kinds name topics wherever they are said).
   */
  askedKinds?: string[];
  /** The question kinds whose words, after a number, tell an amount rather than ask about it ("10 timer om ugen"). */
  amountKinds?: string[];
  /** Fact -> value (as written: an enum value, "true" or "false") -> patterns, values in order of precedence. */
  facts: Record<LexiconFact, [string, string[]][]>;
  aboutOther: string[];
  /** The scheme described without its name, and the words of work or education that must come with it. */
  describesMentor: string[];
  workOrSchool: string[];
  questionKinds: Record<QuestionKind, string[]>;
  /** Short answers to the intake's questions: fact -> value -> the words that name it (whole answers, folded). */
  answers: Record<string, Record<string, string[]>>;
}

/** A fact read from a message, with the words that said it. */
export interface Said<T> {
  value: T;
  said: string;
}

/** What the lexicon finds in a message. */
export interface LexiconReading {
  /** Facts stated (not negated away, not inside a condition): enum values as strings, yes/no facts as booleans. */
  facts: Partial<Record<LexiconFact, Said<string | boolean>>>;
  kinds: QuestionKind[];
  /** The person writes for somebody else (a son, a mother): the facts are about them. */
  aboutOther: boolean;
  /** Whether the message describes the scheme without naming it (support from someone, at work or in education). */
  describesMentor: boolean;
}

const asStrings = (v: unknown): string[] | null =>
  Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null;

/** Reads and checks lexicon.yaml: every list where it belongs, every pattern compiles. Throws ContentErrors. */
export function loadLexicon(path: string, root: string): LexiconData {
  const file = relative(root, path);
  let doc: Record<string, unknown>;
  try {
    doc = parseYaml(readFileSync(path, 'utf8')) as Record<string, unknown>;
  } catch (e) {
    throw new ContentErrors([new ContentError(file, '(file)', `is not valid YAML: ${(e as Error).message}`)]);
  }
  const errors: ContentError[] = [];
  const list = (v: unknown, field: string): string[] => {
    const l = asStrings(v);
    if (!l) {
      errors.push(new ContentError(file, field, 'must be a list of words or patterns'));
      return [];
    }
    for (const [i, p] of l.entries()) {
      try {
        compilePhrase(p);
      } catch (e) {
        errors.push(new ContentError(file, `${field}[${i}]`, (e as Error).message));
      }
    }
    return l;
  };
  const facts = {} as LexiconData['facts'];
  const rawFacts = (doc.facts ?? {}) as Record<string, unknown>;
  for (const fact of LEXICON_FACTS) {
    const values = rawFacts[fact];
    if (typeof values !== 'object' || values === null) {
      errors.push(new ContentError(file, `facts.${fact}`, 'is missing: list the values and their patterns'));
      facts[fact] = [];
      continue;
    }
    facts[fact] = Object.entries(values).map(([value, patterns]) => [
      String(value),
      list(patterns, `facts.${fact}.${value}`),
    ]);
  }
  for (const name of Object.keys(rawFacts)) {
    if (!(LEXICON_FACTS as readonly string[]).includes(name))
      errors.push(new ContentError(file, `facts.${name}`, 'is not a fact the rules use'));
  }
  const kinds = {} as LexiconData['questionKinds'];
  const rawKinds = (doc.questionKinds ?? {}) as Record<string, unknown>;
  for (const kind of QUESTION_KINDS) kinds[kind] = list(rawKinds[kind], `questionKinds.${kind}`);
  const data: LexiconData = {
    negations: asStrings(doc.negations) ?? [],
    linkers: asStrings(doc.linkers) ?? [],
    conditions: list(doc.conditions, 'conditions'),
    longAgo: list(doc.longAgo ?? [], 'longAgo'),
    ended: list(doc.ended ?? [], 'ended'),
    formerly: list(doc.formerly ?? [], 'formerly'),
    admissionPast: list(doc.admissionPast ?? [], 'admissionPast'),
    startAhead: list(doc.startAhead ?? [], 'startAhead'),
    dischargeAnswer: list(doc.dischargeAnswer ?? [], 'dischargeAnswer'),
    listWords: asStrings(doc.listWords) ?? [],
    askedKinds: asStrings(doc.askedKinds) ?? [],
    amountKinds: asStrings(doc.amountKinds) ?? [],
    facts,
    aboutOther: list(doc.aboutOther, 'aboutOther'),
    describesMentor: list(doc.describesMentor ?? [], 'describesMentor'),
    workOrSchool: list(doc.workOrSchool ?? [], 'workOrSchool'),
    questionKinds: kinds,
    answers: {},
  };
  const rawAnswers = (doc.answers ?? {}) as Record<string, unknown>;
  for (const [fact, values] of Object.entries(rawAnswers)) {
    if (typeof values !== 'object' || values === null) {
      errors.push(new ContentError(file, `answers.${fact}`, 'must map each value to the words that name it'));
      continue;
    }
    data.answers[fact] = {};
    for (const [value, words] of Object.entries(values)) {
      const l = asStrings(words);
      if (!l) errors.push(new ContentError(file, `answers.${fact}.${value}`, 'must be a list of words'));
      else data.answers[fact]![value] = l;
    }
  }
  for (const k of [...(data.askedKinds ?? []), ...(data.amountKinds ?? [])])
    if (!(QUESTION_KINDS as readonly string[]).includes(k))
      errors.push(new ContentError(file, 'askedKinds/amountKinds', `"${k}" is not a question kind`));
  if (data.negations.length === 0)
    errors.push(new ContentError(file, 'negations', 'must list the words that negate a fact'));
  if (errors.length) throw new ContentErrors(errors);
  return data;
}

/**
 * Reads facts and question kinds from a message with the lexicon's patterns. Deterministic and pure: the patterns
 * are compiled once. A fact right after a negation ("ikke ledig", "aldrig indlagt") is dropped, or for a yes/no fact
 * turned into no; a fact in a condition ("hvis jeg bliver sygemeldt") is dropped; of several values of one fact, the
 * one listed first in the lexicon wins, except for yes/no facts, where the last one said wins (a correction).
 */
/** How many readings the lexicon keeps: a turn reads its message and at most one part of it; kept short, so that
 * the same words from another conversation later are read anew (as a benchmark that repeats its texts should see). */
const RECENT_READINGS = 2;
/** How many words may stand between a situation and the phrase that says it is over. */
const ENDED_WITHIN = 1;

/** The writer's own: "min arbejdsgiver" is somebody else's role. */
const OWN: ReadonlySet<string> = new Set(['min', 'mit', 'my']);

export class Lexicon {
  private readonly negations: Set<string>;
  private readonly linkers: Set<string>;
  private readonly conditions: RegExp[];
  private readonly longAgo: RegExp[];
  private readonly ended: RegExp[];
  private readonly formerly: RegExp[];
  private readonly admissionPast: RegExp[];
  private readonly startAhead: RegExp[];
  private readonly dischargeAnswer: RegExp[];
  private readonly listWords: Set<string>;
  private readonly askedKinds: Set<string>;
  private readonly amountKinds: Set<string>;
  private readonly facts: [LexiconFact, string, RegExp[]][];
  private readonly aboutOther: RegExp[];
  private readonly describesMentor: RegExp[];
  private readonly workOrSchool: RegExp[];
  private readonly kinds: [QuestionKind, RegExp[]][];

  constructor(data: LexiconData) {
    const compile = (l: string[]) => l.map(compilePhrase);
    this.negations = new Set(data.negations);
    this.linkers = new Set(data.linkers);
    this.conditions = compile(data.conditions);
    this.longAgo = compile(data.longAgo ?? []);
    this.ended = compile(data.ended ?? []);
    this.formerly = compile(data.formerly ?? []);
    this.admissionPast = compile(data.admissionPast ?? []);
    this.startAhead = compile(data.startAhead ?? []);
    this.dischargeAnswer = compile(data.dischargeAnswer ?? []);
    this.listWords = new Set(data.listWords ?? []);
    this.askedKinds = new Set(data.askedKinds ?? []);
    this.amountKinds = new Set(data.amountKinds ?? []);
    this.facts = LEXICON_FACTS.flatMap((fact) =>
      data.facts[fact].map(([value, patterns]): [LexiconFact, string, RegExp[]] => [fact, value, compile(patterns)]),
    );
    this.aboutOther = compile(data.aboutOther);
    this.describesMentor = compile(data.describesMentor ?? []);
    this.workOrSchool = compile(data.workOrSchool ?? []);
    this.kinds = QUESTION_KINDS.map((k) => [k, compile(data.questionKinds[k])]);
    this.answerWordsOf = data.answers ?? {};
  }

  private readonly answerWordsOf: LexiconData['answers'];

  /** The words that name each value of `fact` when they are the whole answer to the intake's question about it. */
  answerWords(fact: string): Readonly<Record<string, readonly string[]>> {
    return this.answerWordsOf[fact] ?? {};
  }

  /** The latest readings by text: a turn reads its message in several places (its facts, its audience, its search). */
  private readonly recent = new Map<string, Readonly<LexiconReading>>();

  /**
   * What the message says. The same text gives the same reading, and the latest few are kept, so the reading is
   * shared: a caller must not change it.
   */
  read(text: string): Readonly<LexiconReading> {
    const known = this.recent.get(text);
    if (known) return known;
    const reading = this.readAnew(text);
    if (this.recent.size >= RECENT_READINGS) this.recent.delete(this.recent.keys().next().value!);
    this.recent.set(text, reading);
    return reading;
  }

  private readAnew(text: string): LexiconReading {
    const words = splitWords(text);
    const conditional = this.conditionalWords(words);
    const found = new Map<LexiconFact, { value: string | boolean; said: string; at: number; rank: number }>();
    this.facts.forEach(([fact, value, patterns], rank) => {
      for (const m of patterns.flatMap((p) => findPhrase(words, p))) {
        if (conditional.has(m.from)) continue;
        const yesNo = value === 'true' || value === 'false';
        let v: string | boolean = yesNo ? value === 'true' : value;
        if (this.negated(words, m)) {
          if (!yesNo) continue;
          v = !v;
        }
        if (fact === 'psychiatricDischarge' && v === true && this.saidLongAgo(words, m)) v = false;
        // "man har ret til en mentor efter udskrivelse" tells of the right, not of the writer.
        if (fact === 'psychiatricDischarge' && v === true && generic(words, m)) continue;
        if ((fact === 'situation' || fact === 'benefit') && this.over(words, m)) continue;
        // "min arbejdsgiver" is the writer's employer: the writer is not one.
        if (fact === 'role' && value === 'employer' && m.from > 0 && OWN.has(words.folded[m.from - 1]!)) continue;
        const old = found.get(fact);
        // Yes/no: a later statement of the other value corrects an earlier one; of two saying the same, the longer.
        const wins =
          !old || (yesNo ? (old.value !== v ? m.from >= old.at : m.said.length > old.said.length) : rank < old.rank);
        if (wins) found.set(fact, { value: v, said: m.said, at: m.from, rank });
      }
    });
    const facts: LexiconReading['facts'] = {};
    for (const [fact, f] of found) facts[fact] = { value: f.value, said: f.said };
    // In the order the message asks them: the first is what it asks first ("hvor skal jeg mødes med mentoren, jeg har
    // ingen bil" asks where to meet, and then tells why).
    // (A kind asked nowhere tries all its patterns either way, so each pattern is tried once.)
    const matched = this.kinds
      .map(([k, patterns]): [QuestionKind, number[]] => [
        k,
        patterns
          .flatMap((p) => findPhrase(words, p).map((m) => m.from))
          // "10 timer om ugen" tells an amount; it does not ask about it.
          .filter((at) => !(this.amountKinds.has(k) && at > 0 && /^\d+$/.test(words.folded[at - 1]!)))
          .sort((a, b) => a - b),
      ])
      .filter(([, at]) => at.length > 0);
    // A message of several sentences asks in its questions; what its other sentences tell is the story around them
    // ("Jeg arbejder 10 timer om ugen i fleksjob. Kan jeg få en mentor?" does not ask about hours). When its questions
    // ask no kind ("Jeg har fået afslag. Hvad gør jeg?"), the story says what they ask.
    const inQuestion = (at: number) => words.inQuestion[at] === true;
    const told = words.inQuestion.some((q) => q) && words.inQuestion.some((q) => !q);
    const asked = told && matched.some(([k, at]) => this.askedKinds.has(k) && at.some(inQuestion));
    const kinds = matched
      .map(([k, at]): [QuestionKind, number] => [
        k,
        (asked && this.askedKinds.has(k) ? at.filter(inQuestion) : at)[0] ?? Infinity,
      ])
      .filter(([, at]) => at !== Infinity)
      .sort((a, b) => a[1] - b[1])
      .map(([k]) => k);
    const says = (patterns: RegExp[]) => patterns.some((p) => findPhrase(words, p).length > 0);
    return {
      facts,
      kinds,
      aboutOther: says(this.aboutOther),
      describesMentor: says(this.describesMentor) && says(this.workOrSchool),
    };
  }

  /**
   * What a message tells of an admission: the first words of one that lies in the past ("startede", "fik
   * optagelsesbrev"), or null; and whether it tells of a start still ahead ("fra januar").
   */
  admission(text: string): { past: string | null; ahead: boolean } {
    const words = splitWords(text);
    const past = this.admissionPast.flatMap((p) => findPhrase(words, p)).sort((a, b) => a.from - b.from)[0];
    return { past: past?.said ?? null, ahead: this.startAhead.some((p) => findPhrase(words, p).length > 0) };
  }

  /**
   * The answer a message gives to the discharge question with words of an admission or a discharge alone: true, false
   * when they are negated ("ikke indlagt") or years back ("indlagt i 2019"), null when it has none. Only for an answer
   * to that question, which names psychiatry itself.
   */
  dischargeAnswered(text: string): boolean | null {
    const words = splitWords(text);
    const found = this.dischargeAnswer.flatMap((p) => findPhrase(words, p)).sort((a, b) => a.from - b.from)[0];
    if (!found) return null;
    // "jeg var indlagt i 2019" is no discharge now.
    return !this.negated(words, found) && !this.saidLongAgo(words, found);
  }

  /**
   * The message without its conditions, as words: what it states rather than supposes ("hvad hvis jeg bliver 25" says
   * nothing about the person's age). The text itself when it has no condition.
   */
  statedPart(text: string): string {
    const words = splitWords(text);
    const conditional = this.conditionalWords(words);
    if (conditional.size === 0) return text;
    const sentences: string[][] = [];
    words.raw.forEach((w, i) => {
      if (conditional.has(i)) return;
      (sentences[words.sentence[i]!] ??= []).push(w);
    });
    return sentences
      .filter((s) => s && s.length > 0)
      .map((s) => s.join(' '))
      .join('. ');
  }

  /** The indexes of words that stand in a condition: from a condition word to the end of its sentence. */
  private conditionalWords(words: Words): Set<number> {
    const out = new Set<number>();
    for (const m of this.conditions.flatMap((p) => findPhrase(words, p))) {
      for (let i = m.from; i < words.raw.length && words.sentence[i] === words.sentence[m.from]; i++) out.add(i);
    }
    return out;
  }

  /** Whether the match's sentence puts it years back ("for 3 år siden"). */
  private saidLongAgo(words: Words, m: PhraseMatch): boolean {
    const sentence = words.sentence[m.from];
    return this.longAgo.some((p) => findPhrase(words, p).some((x) => words.sentence[x.from] === sentence));
  }

  /**
   * Whether a situation or benefit is said to be over: an ending phrase starts within ENDED_WITHIN words after it, or
   * a "formerly" phrase ends just before it, in its sentence.
   */
  private over(words: Words, m: PhraseMatch): boolean {
    const sentence = words.sentence[m.from];
    const after = this.ended.some((p) =>
      findPhrase(words, p).some(
        (x) => words.sentence[x.from] === sentence && x.from >= m.to && x.from - m.to <= ENDED_WITHIN,
      ),
    );
    return (
      after ||
      this.formerly.some((p) =>
        findPhrase(words, p).some((x) => words.sentence[x.from] === sentence && x.to <= m.from && m.from - x.to <= 2),
      )
    );
  }

  /** A negation up to three words before the match, in its clause, with only linking words between. */
  private negated(words: Words, m: PhraseMatch): boolean {
    for (let i = m.from - 1, steps = 0; i >= 0 && steps < 3 && words.clause[i] === words.clause[m.from]; i--, steps++) {
      const w = words.folded[i]!;
      if (this.negations.has(w)) return true;
      // A list under one negation: "ikke sygedagpenge eller kontanthjælp", "not X or Y".
      if (this.listWords.has(w) && i >= 1) {
        i--;
        continue;
      }
      if (!this.linkers.has(w)) return false;
    }
    return false;
  }
}

/**
 * Who a question sounds like when the lexicon names no role: the first person singular ("hvordan søger jeg", "my
 * caseworker") a citizen; the first person plural only ("hvad er vores egenbetaling", "can we") an employer.
 */
export function firstPersonVoice(text: string): 'citizen' | 'employer' | null {
  const singular =
    /(?<![\p{L}])(?:jeg|mig|min|mit|mine|me|my|im)(?![\p{L}])|(?<![\p{L}])i (?:am|have|get|need|want|can|do|was|will|work)(?![\p{L}])/iu;
  if (singular.test(text)) return 'citizen';
  return /(?<![\p{L}])(?:vi|vores|vor|os|we|our|us)(?![\p{L}])/iu.test(text) ? 'employer' : null;
}

/** Subjects that speak of people in general ("man har ret til ..."), not of the writer. */
const GENERIC_SUBJECTS: ReadonlySet<string> = new Set(['man', 'folk', 'people']);

/** Whether the match's clause speaks of people in general before it. */
function generic(words: Words, m: PhraseMatch): boolean {
  for (let i = m.from - 1; i >= 0 && words.clause[i] === words.clause[m.from]; i--)
    if (GENERIC_SUBJECTS.has(words.folded[i]!)) return true;
  return false;
}
