import { readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { projectRoot } from '../../knowledge/paths.js';

/** The topics a simulated person can be asked about, in their own words (test/cases/*\/people*.yaml). */
export type Topic =
  | 'role'
  | 'situation'
  | 'benefit'
  | 'age'
  | 'psychiatric'
  | 'education'
  | 'educationBenefit'
  | 'vocational'
  | 'mentorSoFar'
  | 'beyondUsual'
  | 'mentorWho'
  | 'several'
  | 'wage';

/**
 * A simulated person: how they open, how they answer each topic, what they say when asked nothing, and where they
 * should end.
 */
export interface Person {
  name: string;
  lang: 'da' | 'en';
  opening: string;
  answers: Partial<Record<Topic, string>>;
  followUps?: string[];
  expect: { kinds: ('right' | 'possible' | 'not-eligible')[]; citation: string };
}

/** Reads one people file: a path, or a file below test/cases/ ("dev/people.yaml"). */
export function loadPeople(file: string): Person[] {
  const path = isAbsolute(file) ? file : join(projectRoot(), 'test', 'cases', file);
  const doc = parseYaml(readFileSync(path, 'utf8')) as { people: Person[] };
  return doc.people;
}

/** The persona's topic for each fact the bot asks for (channelData.mentorbot.asking). */
export const TOPIC_OF_INPUT: Record<string, Topic> = {
  role: 'role',
  situation: 'situation',
  benefit: 'benefit',
  age: 'age',
  psychiatricDischarge: 'psychiatric',
  admittedToEducation: 'education',
  admittedRecently: 'education',
  educationKind: 'education',
  benefitAtAdmission: 'educationBenefit',
  hasVocationalEducation: 'vocational',
  monthsWithMentor: 'mentorSoFar',
  supportBeyondUsual: 'beyondUsual',
  mentorType: 'mentorWho',
  severalPersons: 'several',
  mentorWage: 'wage',
  mentorHours: 'wage',
  period: 'wage',
};

/**
 * An employer persona: one who heads for the employer's provision (LAB § 169), the support a workplace or a school can
 * get. A person knows whether they write as an employer; their answers alone do not say it, since some writers give
 * every persona an answer to every topic, the workplace's too.
 */
export const isEmployer = (p: Person) => /§ 169\b/.test(p.expect.citation);
