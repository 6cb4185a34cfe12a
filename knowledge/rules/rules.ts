import type { DateRange } from '../dates.js';
import type { InputName, Situation } from './inputs.js';

/**
 * The rules of the mentor scheme, one per decision, each beside the provisions it implements.
 * A rule holds for its date range only: a change in the law is a new rule with a new range, never an edit of an old one.
 *
 * Interpretation choices (Catala style: what the law does not say, and what we assume):
 * A1. The rights in LAB § 167, stk. 2 and 3 need the person to be in LAB § 6's target groups. We have read § 6, nr. 4-5
 *     (uddannelseshjælp) ourselves, and the notes tie dagpenge to § 6, nr. 1. That kontanthjælp, sygedagpenge and
 *     ledighedsydelse are § 6 groups too is our reading of the act's structure, not text we have seen, so those
 *     outcomes are marked unverified and ask the municipality to confirm.
 * A2. People in an integration programme get mentor support under integrationsloven § 23 d, which imports LAB § 169 and
 *     § 171 but not the § 167 rights (integrationsloven § 23 d, stk. 3).
 * A3. The youth right's group changed wording when kontanthjælp replaced uddannelseshjælp for under-30s on 1 July 2025;
 *     the new wording is UNVERIFIED, so from that date the right is reported as possible, not settled.
 * A4. The new act expected on 1 January 2027 is not enacted in our sources: from that date every answer says so.
 */

export type OutcomeKind = 'right' | 'possible' | 'not-eligible' | 'info';
export type Certainty = 'verified' | 'unverified';

/** A cited provision. `expected` marks a planned change: cited even before it takes effect. */
export type RuleCitation = string | { id: string; expected: true };

export interface Decision {
  /** The answers the outcome rests on, in the order the trace reads them. */
  because: InputName[];
  /** Overrides the rule's certainty for this situation (see A1). */
  certainty?: Certainty;
}

export interface Rule extends DateRange {
  /** Also the key of the outcome's text in texts.yaml. */
  id: string;
  kind: OutcomeKind;
  certainty: Certainty;
  citations: RuleCitation[];
  decide(s: Situation): Decision | null;
}

const BENEFITS_IN_TARGET_GROUPS_VERIFIED = new Set(['dagpenge', 'uddannelseshjaelp']);
const BENEFITS_IN_TARGET_GROUPS_ASSUMED = new Set(['kontanthjaelp', 'sygedagpenge', 'ledighedsydelse']);
const YOUTH_BENEFITS = new Set(['uddannelseshjaelp', 'kontanthjaelp']);

const isCitizen = (s: Situation) => s.role === 'citizen';
const isEmployer = (s: Situation) => s.role === 'employer';
const inIntegration = (s: Situation) => s.situation === 'integrationsprogram';
const labCitizen = (s: Situation) => isCitizen(s) && !inIntegration(s);
const employerMaySupport = (s: Situation) => isEmployer(s) && s.supportBeyondUsual !== false;
/** Under 30, admitted to an education, outside the integration programme: the youth right's first test. */
const youngAndAdmitted = (s: Situation) => labCitizen(s) && s.age !== undefined && s.age < 30 && s.admittedToEducation === true;
const youthGroup = (s: Situation) =>
  youngAndAdmitted(s) && s.hasVocationalEducation === false && s.benefit !== undefined && YOUTH_BENEFITS.has(s.benefit);
const known = (s: Situation, ...names: InputName[]) => names.filter((n) => s[n] !== undefined);

const FROM_2020 = { validFrom: '2020-01-01', validTo: null };

export const RULES: readonly Rule[] = [
  // LAB 2019 took effect on 1 January 2020; we do not advise on the older chapter 9 b rules.
  {
    id: 'lawBefore2020', kind: 'info', certainty: 'verified', citations: [{ id: 'LAB-167-1', expected: true }],
    validFrom: '1900-01-01', validTo: '2019-12-31',
    decide: () => ({ because: [] }),
  },
  // LAB § 167, stk. 1: anyone may get mentor support to get or keep activity, offer, education, flexjob or job.
  {
    id: 'mentorSupportPossible', kind: 'possible', certainty: 'verified', citations: ['LAB-167-1', 'LAB-169-1'], ...FROM_2020,
    decide: (s) => (labCitizen(s) ? { because: known(s, 'situation') } : null),
  },
  // Integrationsloven § 23 d, stk. 1: a possibility, not a right.
  {
    id: 'mentorSupportIntegration', kind: 'possible', certainty: 'verified', citations: ['INTL-23d-1', 'INTL-23d-3'],
    validFrom: '2020-06-22', validTo: null,
    decide: (s) => (isCitizen(s) && inIntegration(s) ? { because: ['situation'] } : null),
  },
  // Integrationsloven § 23 d, stk. 2: under 30 starting an ordinary education.
  {
    id: 'mentorSupportIntegrationYoung', kind: 'possible', certainty: 'verified', citations: ['INTL-23d-2'],
    validFrom: '2020-06-22', validTo: null,
    decide: (s) =>
      isCitizen(s) && inIntegration(s) && s.age !== undefined && s.age < 30 && s.admittedToEducation === true
        ? { because: ['situation', 'age', 'admittedToEducation'] }
        : null,
  },
  // Integrationsloven § 23 d, stk. 3 imports LAB § 169 and § 171 only (A2).
  {
    id: 'integrationNoLabRights', kind: 'info', certainty: 'verified', citations: ['INTL-23d-3'],
    validFrom: '2020-06-22', validTo: null,
    decide: (s) => (isCitizen(s) && inIntegration(s) ? { because: ['situation'] } : null),
  },
  // LAB § 167, stk. 2 (with BEK 1216/2023 § 128 from 2024): the right at psychiatric discharge (A1).
  {
    id: 'psychiatricDischargeRight', kind: 'right', certainty: 'verified',
    citations: ['LAB-167-2', 'BEK-128-1', 'BEK-128-3'], ...FROM_2020,
    decide: (s) =>
      labCitizen(s) && s.psychiatricDischarge === true && s.benefit !== undefined && BENEFITS_IN_TARGET_GROUPS_VERIFIED.has(s.benefit)
        ? { because: ['psychiatricDischarge', 'benefit'] }
        : null,
  },
  {
    id: 'psychiatricDischargeRightConfirm', kind: 'right', certainty: 'unverified',
    citations: ['LAB-167-2', 'BEK-128-1', 'BEK-128-3'], ...FROM_2020,
    decide: (s) =>
      labCitizen(s) && s.psychiatricDischarge === true && s.benefit !== undefined && BENEFITS_IN_TARGET_GROUPS_ASSUMED.has(s.benefit)
        ? { because: ['psychiatricDischarge', 'benefit'] }
        : null,
  },
  {
    id: 'psychiatricDischargeNeedsTargetGroup', kind: 'info', certainty: 'verified', citations: ['LAB-167-2'], ...FROM_2020,
    decide: (s) =>
      labCitizen(s) && s.psychiatricDischarge === true && (s.benefit === undefined || s.benefit === 'ingen')
        ? { because: known(s, 'psychiatricDischarge', 'benefit', 'situation') }
        : null,
  },
  // Everyone hears of the discharge right without being asked about their health.
  {
    id: 'psychiatricDischargeRightInfo', kind: 'info', certainty: 'verified', citations: ['LAB-167-2'], ...FROM_2020,
    decide: (s) => (labCitizen(s) && s.psychiatricDischarge === undefined ? { because: [] } : null),
  },
  // LAB § 167, stk. 3 with § 6, nr. 4-5: the youth right, as the text we read it (uddannelseshjælp).
  {
    id: 'youthEducationRight', kind: 'right', certainty: 'verified', citations: ['LAB-167-3', 'LAB-6-4-5'],
    validFrom: '2022-05-22', validTo: '2025-06-30',
    decide: (s) =>
      youthGroup(s) && s.benefit === 'uddannelseshjaelp'
        ? { because: ['age', 'hasVocationalEducation', 'benefit', 'admittedToEducation'] }
        : null,
  },
  // From 1 July 2025 the group's wording is UNVERIFIED (A3).
  {
    id: 'youthEducationRightUnsure', kind: 'possible', certainty: 'unverified',
    citations: ['LAB-167-3', 'LAB-6-4-5-2025', 'LOV-1655-2024'], validFrom: '2025-07-01', validTo: '2026-12-31',
    decide: (s) => (youthGroup(s) ? { because: ['age', 'hasVocationalEducation', 'benefit', 'admittedToEducation'] } : null),
  },
  // The right is expected to go with the new act (A4).
  {
    id: 'youthEducationRightAfter2027', kind: 'possible', certainty: 'unverified',
    citations: ['LAB-167-3', { id: 'NY-LAB-2027', expected: true }], validFrom: '2027-01-01', validTo: null,
    decide: (s) => (youthGroup(s) ? { because: ['age', 'hasVocationalEducation', 'benefit', 'admittedToEducation'] } : null),
  },
  // Political agreement of 9 April 2025: abolition planned.
  {
    id: 'youthEducationRightPlannedAbolition', kind: 'info', certainty: 'unverified',
    citations: [{ id: 'NY-LAB-2027', expected: true }], validFrom: '2025-04-09', validTo: '2026-12-31',
    decide: (s) => (youthGroup(s) ? { because: [] } : null),
  },
  {
    id: 'youthEducationRightNotOver30', kind: 'info', certainty: 'verified', citations: ['LAB-167-3'],
    validFrom: '2022-05-22', validTo: null,
    decide: (s) =>
      labCitizen(s) && s.age !== undefined && s.age >= 30 && s.admittedToEducation === true ? { because: ['age', 'admittedToEducation'] } : null,
  },
  {
    id: 'youthEducationRightNotWithEducation', kind: 'info', certainty: 'verified', citations: ['LAB-167-3'],
    validFrom: '2022-05-22', validTo: null,
    decide: (s) => (youngAndAdmitted(s) && s.hasVocationalEducation === true ? { because: ['age', 'hasVocationalEducation'] } : null),
  },
  {
    id: 'youthEducationRightNeedsBenefit', kind: 'info', certainty: 'verified', citations: ['LAB-167-3', 'LAB-6-4-5', 'LAB-6-4-5-2025'],
    validFrom: '2022-05-22', validTo: null,
    decide: (s) =>
      youngAndAdmitted(s) && s.hasVocationalEducation === false && s.benefit !== undefined && !YOUTH_BENEFITS.has(s.benefit)
        ? { because: ['age', 'benefit'] }
        : null,
  },
  // LAB § 167, stk. 1: at most 6 months a period; a new period after a concrete assessment (2. pkt.).
  {
    id: 'periodLength', kind: 'info', certainty: 'verified', citations: ['LAB-167-1', 'LAB-167-1-p2'], ...FROM_2020,
    decide: (s) => (labCitizen(s) && (s.monthsWithMentor === undefined || s.monthsWithMentor < 6) ? { because: known(s, 'monthsWithMentor') } : null),
  },
  {
    id: 'periodEndedExtension', kind: 'info', certainty: 'verified', citations: ['LAB-167-1', 'LAB-167-1-p2'], ...FROM_2020,
    decide: (s) => (labCitizen(s) && s.monthsWithMentor !== undefined && s.monthsWithMentor >= 6 ? { because: ['monthsWithMentor'] } : null),
  },
  // BEK 1216/2023 § 52: what Min Plan holds.
  {
    id: 'minPlanContents', kind: 'info', certainty: 'verified', citations: ['BEK-52', 'LAB-47-1'],
    validFrom: '2024-01-01', validTo: null,
    decide: (s) => (labCitizen(s) ? { because: [] } : null),
  },
  // LAB § 204 and retssikkerhedsloven §§ 66-67: complaint to the deciding body, then Ankestyrelsen, within 4 weeks.
  {
    id: 'complaintRoute', kind: 'info', certainty: 'verified', citations: ['LAB-204-1', 'RSL-66-1', 'RSL-67-1'], ...FROM_2020,
    decide: (s) => (isCitizen(s) ? { because: [] } : null),
  },
  // LAB § 203 a (LOV 1749/2025): the municipality's spending ceiling.
  {
    id: 'spendingCap2026', kind: 'info', certainty: 'verified', citations: ['LAB-203a-4'], validFrom: '2026-01-01', validTo: null,
    decide: () => ({ because: [] }),
  },
  {
    id: 'newActExpected2027', kind: 'info', certainty: 'unverified', citations: [{ id: 'NY-LAB-2027', expected: true }],
    validFrom: '2027-01-01', validTo: null,
    decide: () => ({ because: [] }),
  },
  // LAB § 169, stk. 1: support to a company or school needs work beyond the usual, and a decisive mentor.
  {
    id: 'employerSupportPossible', kind: 'possible', certainty: 'verified', citations: ['LAB-169-1', 'LAB-169-2'], ...FROM_2020,
    decide: (s) => (employerMaySupport(s) ? { because: known(s, 'supportBeyondUsual') } : null),
  },
  {
    id: 'employerNotBeyondUsual', kind: 'not-eligible', certainty: 'verified', citations: ['LAB-169-1'], ...FROM_2020,
    decide: (s) => (isEmployer(s) && s.supportBeyondUsual === false ? { because: ['supportBeyondUsual'] } : null),
  },
  // LAB § 169, stk. 2 with BEK 1216/2023 §§ 123 and 125: frikøb of an employee.
  {
    id: 'employerFrikoeb', kind: 'info', certainty: 'verified', citations: ['LAB-169-2', 'BEK-123', 'BEK-125-1'], ...FROM_2020,
    decide: (s) => (employerMaySupport(s) && s.mentorType !== 'external' ? { because: known(s, 'mentorType') } : null),
  },
  {
    id: 'employerConsultantFee', kind: 'info', certainty: 'verified', citations: ['LAB-169-2', 'LAB-168', 'BEK-125-1'], ...FROM_2020,
    decide: (s) => (employerMaySupport(s) && s.mentorType !== 'employee' ? { because: known(s, 'mentorType') } : null),
  },
  // LAB § 169, stk. 2, 2. pkt. with BEK 1216/2023 § 127: training grant, no wages for the training hours.
  {
    id: 'employerTrainingGrant', kind: 'info', certainty: 'verified', citations: ['LAB-169-2', 'BEK-127'], ...FROM_2020,
    decide: (s) => (employerMaySupport(s) && s.mentorType !== 'external' ? { because: [] } : null),
  },
  // BEK 1216/2023 §§ 125, stk. 2 and 126: what counts in the cost.
  {
    id: 'employerCostRules', kind: 'info', certainty: 'verified', citations: ['BEK-125-2', 'BEK-126'], validFrom: '2024-01-01', validTo: null,
    decide: (s) => (employerMaySupport(s) ? { because: [] } : null),
  },
  // LAB § 169, stk. 3-4: hours set concretely, or per place.
  {
    id: 'employerHours', kind: 'info', certainty: 'verified', citations: ['LAB-169-3'], ...FROM_2020,
    decide: (s) => (employerMaySupport(s) ? { because: [] } : null),
  },
  {
    id: 'employerHoursPerPlace', kind: 'info', certainty: 'verified', citations: ['LAB-169-4'], ...FROM_2020,
    decide: (s) => (employerMaySupport(s) && s.severalPersons === true ? { because: ['severalPersons'] } : null),
  },
  // BEK 1216/2023 § 136, stk. 4 and LAB § 185: digital application through VITAS.
  {
    id: 'employerApply', kind: 'info', certainty: 'verified', citations: ['BEK-136-4', 'LAB-185'], validFrom: '2024-01-01', validTo: null,
    decide: (s) => (employerMaySupport(s) ? { because: [] } : null),
  },
];
