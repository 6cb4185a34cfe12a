/**
 * The facts the rule module can use, with their allowed values. One definition per input: the JSON API validates
 * against it, the rules read it, and a dialog asks for it (with the "Hvorfor spørger vi?" text from texts.yaml).
 */
export const ROLES = ['citizen', 'employer'] as const;
export const SITUATIONS = [
  'ledig', 'sygemeldt', 'fleksjob', 'ordinaer-ansaettelse', 'selvforsorgende', 'uddannelse', 'tilbud', 'integrationsprogram',
] as const;
export const BENEFITS = ['dagpenge', 'kontanthjaelp', 'uddannelseshjaelp', 'sygedagpenge', 'ledighedsydelse', 'ingen'] as const;
export const MENTOR_TYPES = ['employee', 'external'] as const;

export type Role = (typeof ROLES)[number];
export type SituationKind = (typeof SITUATIONS)[number];
export type Benefit = (typeof BENEFITS)[number];
export type MentorType = (typeof MENTOR_TYPES)[number];

/** What a citizen or employer has told us. Everything but `role` may be unknown. */
export interface Situation {
  role: Role;
  situation?: SituationKind;
  benefit?: Benefit;
  age?: number;
  /** Has an erhvervskompetencegivende uddannelse (a vocational qualification). */
  hasVocationalEducation?: boolean;
  admittedToEducation?: boolean;
  psychiatricDischarge?: boolean;
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
  { name: 'psychiatricDischarge', type: 'boolean' },
  { name: 'monthsWithMentor', type: 'integer', min: 0, max: 240 },
  { name: 'supportBeyondUsual', type: 'boolean' },
  { name: 'mentorType', type: 'enum', values: MENTOR_TYPES },
  { name: 'severalPersons', type: 'boolean' },
];

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
  ask('situation');
  const integration = s.situation === 'integrationsprogram';
  const selfSupporting = s.situation === 'selvforsorgende' || s.situation === 'ordinaer-ansaettelse';
  ask('benefit', !integration && !selfSupporting);
  ask('age');
  const young = s.age !== undefined && s.age < 30;
  ask('admittedToEducation', young);
  ask('hasVocationalEducation', young && s.admittedToEducation === true && !integration);
  // psychiatricDischarge is a health detail: the bot never asks for it. The assessment tells everyone about the
  // right instead (outcome psychiatricDischargeRightInfo), and uses the answer only when a caller gives it.
  ask('monthsWithMentor');
  return open;
}
