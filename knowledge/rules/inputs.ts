import { type IsoDate, monthsBefore } from '../dates.js';

/**
 * The facts the rule module can use, with their allowed values. One definition per input: the JSON API validates
 * against it, the rules read it, and a dialog asks for it (with the "Hvorfor spørger vi?" text from texts.yaml).
 */
export const ROLES = ['citizen', 'employer'] as const;
export const SITUATIONS = [
  'ledig',
  'sygemeldt',
  'fleksjob',
  'ordinaer-ansaettelse',
  'selvforsorgende',
  'uddannelse',
  'tilbud',
  'integrationsprogram',
] as const;
/**
 * Benefits and support a person may get. `ressourceforloebsydelse` is paid in jobafklaringsforløb and ressourceforløb
 * (LAB § 6, nr. 7-8); `foertidspension` is LAB § 6, nr. 11.
 */
export const BENEFITS = [
  'dagpenge',
  'kontanthjaelp',
  'uddannelseshjaelp',
  'sygedagpenge',
  'ledighedsydelse',
  'ressourceforloebsydelse',
  'foertidspension',
  'su',
  'ingen',
] as const;
/**
 * The kind of education a young person is admitted to. LAB § 167, stk. 3 needs a "studie- eller
 * erhvervskompetencegivende uddannelse" (`qualifying`: gymnasium, hf, a vocational or a higher education). FGU,
 * højskole, AMU and produktionsskole are not (law-notes T2); `other` is one we cannot place.
 */
export const EDUCATION_KINDS = ['qualifying', 'fgu', 'hoejskole', 'amu', 'produktionsskole', 'other'] as const;
export const MENTOR_TYPES = ['employee', 'external'] as const;

/**
 * The situation a benefit says by itself, for someone who answers "hvad passer bedst på dig?" with their benefit: the
 * unemployment benefits mean out of work, sygedagpenge on sick leave, ledighedsydelse referred to a flexjob without
 * one (LAB § 6, nr. 9). The others say nothing certain about the situation.
 */
export const SITUATION_OF_BENEFIT: Partial<Record<(typeof BENEFITS)[number], (typeof SITUATIONS)[number]>> = {
  dagpenge: 'ledig',
  kontanthjaelp: 'ledig',
  uddannelseshjaelp: 'ledig',
  sygedagpenge: 'sygemeldt',
  ledighedsydelse: 'fleksjob',
};

export type Role = (typeof ROLES)[number];
export type SituationKind = (typeof SITUATIONS)[number];
export type Benefit = (typeof BENEFITS)[number];
export type EducationKind = (typeof EDUCATION_KINDS)[number];
export type MentorType = (typeof MENTOR_TYPES)[number];

/** What a citizen or employer has told us. Everything but `role` may be unknown. */
export interface Situation {
  role: Role;
  situation?: SituationKind;
  /** The benefit the person gets today. */
  benefit?: Benefit;
  age?: number;
  /** Has an erhvervskompetencegivende uddannelse (a vocational qualification). */
  hasVocationalEducation?: boolean;
  /** Admitted to an education, or about to start one. */
  admittedToEducation?: boolean;
  educationKind?: EducationKind;
  /** Admitted less than 6 months ago, or about to start: the youth right can be used for 6 months from admission. */
  admittedRecently?: boolean;
  /** The benefit the person got when admitted: the youth right follows it, not today's benefit (law-notes T2). */
  benefitAtAdmission?: Benefit;
  psychiatricDischarge?: boolean;
  /**
   * The person wants to get or keep a job, an education or an offer (the purpose of LAB § 167, stk. 1). Never asked:
   * read only from what a person writes ("jeg er gået på pension og skal ikke arbejde igen" is false).
   */
  seeksWorkOrEducation?: boolean;
  monthsWithMentor?: number;
  /** The mentor's work goes beyond the introduction the employer or school normally gives (LAB § 169, stk. 1). */
  supportBeyondUsual?: boolean;
  mentorType?: MentorType;
  /** Employer: several people with a mentor at the same place (timetal pr. plads). */
  severalPersons?: boolean;
}

export type InputName = Exclude<keyof Situation, 'role'>;

export type InputSpec =
  | { name: InputName | 'role'; type: 'enum'; values: readonly string[] }
  | { name: InputName; type: 'boolean' }
  | { name: InputName; type: 'integer'; min: number; max: number };

export const INPUTS: readonly InputSpec[] = [
  { name: 'role', type: 'enum', values: ROLES },
  { name: 'situation', type: 'enum', values: SITUATIONS },
  { name: 'benefit', type: 'enum', values: BENEFITS },
  { name: 'age', type: 'integer', min: 0, max: 120 },
  { name: 'hasVocationalEducation', type: 'boolean' },
  { name: 'admittedToEducation', type: 'boolean' },
  { name: 'educationKind', type: 'enum', values: EDUCATION_KINDS },
  { name: 'admittedRecently', type: 'boolean' },
  { name: 'benefitAtAdmission', type: 'enum', values: BENEFITS },
  { name: 'psychiatricDischarge', type: 'boolean' },
  { name: 'seeksWorkOrEducation', type: 'boolean' },
  { name: 'monthsWithMentor', type: 'integer', min: 0, max: 240 },
  { name: 'supportBeyondUsual', type: 'boolean' },
  { name: 'mentorType', type: 'enum', values: MENTOR_TYPES },
  { name: 'severalPersons', type: 'boolean' },
];

/**
 * Benefits that no longer exist from a date, and the benefit that took their place. LOV 1655/2024: from 1 July 2025
 * people under 30 get kontanthjælp instead of uddannelseshjælp.
 */
export const REPLACED_BENEFITS: readonly { benefit: Benefit; by: Benefit; from: IsoDate }[] = [
  { benefit: 'uddannelseshjaelp', by: 'kontanthjaelp', from: '2025-07-01' },
];

/** The benefits that exist on `date`, in the order to offer them (no uddannelseshjælp after 30 June 2025). */
export function benefitsOn(date: IsoDate): Benefit[] {
  return BENEFITS.filter((b) => !REPLACED_BENEFITS.some((r) => r.benefit === b && date >= r.from));
}

/**
 * The benefit to offer on `date` for each benefit people may name: a benefit that still exists stands for itself, a
 * replaced one for the benefit that replaced it ("uddannelseshjælp" means kontanthjælp from 1 July 2025), so the
 * words people still use find today's benefit.
 */
export function benefitOn(benefit: Benefit, date: IsoDate): Benefit {
  const replaced = REPLACED_BENEFITS.find((r) => r.benefit === benefit && date >= r.from);
  return replaced ? replaced.by : benefit;
}

/** The benefits to offer on `date`, each with the former benefits whose names people still use for it. */
export function benefitChoicesOn(date: IsoDate): { value: Benefit; formerly: Benefit[] }[] {
  return benefitsOn(date).map((value) => ({
    value,
    formerly: REPLACED_BENEFITS.filter((r) => r.by === value && date >= r.from).map((r) => r.benefit),
  }));
}

/**
 * The benefits of LAB § 6, nr. 4-5 (the youth right's group) on some date: uddannelseshjælp, from 1 July 2025
 * kontanthjælp.
 */
export const YOUTH_GROUP_BENEFITS: ReadonlySet<Benefit> = new Set(['uddannelseshjaelp', 'kontanthjaelp']);

/** The youth right (LAB § 167, stk. 3) can be used within this many months of admission. */
export const YOUTH_RIGHT_MONTHS = 6;

/** Whether an admission on this day lies within the youth right's months before `today` (or is still ahead). */
export function admittedWithinYouthRight(admission: IsoDate, today: IsoDate): boolean {
  return admission >= monthsBefore(today, YOUTH_RIGHT_MONTHS);
}

/**
 * Benefits a person often gets only after starting an education, so today's says nothing about the one at admission.
 */
const NOT_A_SIGN_OF_ADMISSION: ReadonlySet<Benefit> = new Set(['su', 'ingen']);

/**
 * The benefit the person got when admitted to the education: as told, or, when the admission is recent (or still
 * ahead) and the person still gets a benefit other than SU, today's benefit. Undefined when we cannot tell.
 */
export function benefitAtAdmissionOf(s: Situation): Benefit | undefined {
  if (s.benefitAtAdmission !== undefined) return s.benefitAtAdmission;
  if (s.admittedRecently === true && s.benefit !== undefined && !NOT_A_SIGN_OF_ADMISSION.has(s.benefit))
    return s.benefit;
  return undefined;
}

/**
 * The inputs worth asking this person next, in a sensible order, leaving out what is known or what earlier answers
 * make irrelevant. A dialog asks them one at a time.
 */
export function openInputs(s: Situation): InputName[] {
  const open: InputName[] = [];
  const ask = (name: InputName, relevant = true) => {
    if (relevant && s[name] === undefined) open.push(name);
  };
  if (s.role === 'employer') {
    ask('supportBeyondUsual');
    ask('mentorType', s.supportBeyondUsual !== false);
    ask('severalPersons', s.supportBeyondUsual !== false);
    return open;
  }
  // Someone who seeks no job, education or offer is outside the scheme's purpose whatever else is true (rules.ts A6).
  if (s.seeksWorkOrEducation === false) return open;
  ask('situation');
  const integration = s.situation === 'integrationsprogram';
  const selfSupporting = s.situation === 'selvforsorgende' || s.situation === 'ordinaer-ansaettelse';
  ask('benefit', !integration && !selfSupporting);
  ask('age');
  const young = s.age !== undefined && s.age < 30;
  ask('admittedToEducation', young);
  // The youth right (LAB § 167, stk. 3): what kind of education, how recent, the benefit then, and a vocational
  // qualification, each only while it can still change the answer.
  const admitted = young && s.admittedToEducation === true && !integration;
  ask('educationKind', admitted);
  const mayQualify = admitted && (s.educationKind === undefined || s.educationKind === 'qualifying');
  ask('admittedRecently', mayQualify);
  const inTime = mayQualify && s.admittedRecently !== false;
  const atAdmission = benefitAtAdmissionOf(s);
  ask('benefitAtAdmission', inTime && atAdmission === undefined);
  // Uddannelseshjælp is by definition for people under 30 without a vocational qualification: the benefit settles it.
  const settled =
    atAdmission === 'uddannelseshjaelp' || (atAdmission !== undefined && !YOUTH_GROUP_BENEFITS.has(atAdmission));
  ask('hasVocationalEducation', inTime && !settled);
  // psychiatricDischarge is a health detail: the bot never asks for it. The assessment tells everyone about the
  // right instead (outcome psychiatricDischargeRightInfo), and uses the answer only when a caller gives it.
  ask('monthsWithMentor');
  return open;
}
