import type { DateRange } from '../dates.js';
import { type Benefit, type InputName, type Situation, YOUTH_GROUP_BENEFITS, benefitAtAdmissionOf } from './inputs.js';

/**
 * The rules of the mentor scheme, one per decision, each beside the provisions it implements.
 * A rule holds for its date range only: a change in the law is a new rule with a new range, never an edit of an old
 * one.
 *
 * Interpretation choices (Catala style: what the law does not say, and what we assume):
 * A1. The rights in LAB § 167, stk. 2 and 3 need the person to be in LAB § 6's target groups. We have read § 6 in full
 *     (LBK 280/2024, law-notes T1): dagpenge, kontanthjælp, uddannelseshjælp, sygedagpenge and being referred to a
 *     flexjob (with ledighedsydelse) are target groups; ordinary work, SU and self-support in work are not. Later acts
 *     reword nr. 2-5 and 8-10 but none is known to take a benefit group out, so we keep these outcomes verified.
 *     Unemployed people without any benefit are in nr. 12 only if they do not meet the conditions for public support
 *     or SU, which we do not ask about: that outcome is a right the municipality confirms.
 * A2. People in an integration programme get mentor support under integrationsloven § 23 d, which imports LAB § 169 and
 *     § 171 but not the § 167 rights (integrationsloven § 23 d, stk. 3). Their complaint route follows
 *     integrationsloven, whose complaint rules we have not read: we do not cite LAB § 204 for them.
 * A3. The youth right runs from admission, so the person's group is judged on the benefit at admission (law-notes T2,
 *     our reading), not on today's benefit. The group's wording changed when kontanthjælp replaced uddannelseshjælp for
 *     under-30s on 1 July 2025; the new wording is UNVERIFIED, so from that date the right is reported as a right that
 *     is not confirmed, with its conditions.
 * A4. The new act expected on 1 January 2027 is not in our registry: from that date every answer carries the notice
 *     of reforms.yaml (LawRegistry.newActNotice), until an editor enters the enacted act.
 * A5. The age is asked today. A person who turned 30 after admission is told the right needs them to have been under 30
 *     then; we do not ask the age at admission.
 * A6. Mentor support is for getting or keeping an activity, an offer, an education or a job (LAB § 167, stk. 1). A
 *     person who writes that they seek none of these ("skal ikke arbejde igen") is told that the scheme is not for
 *     that; we never ask it, and a person who writes nothing about it is not judged.
 */

export type OutcomeKind = 'right' | 'possible' | 'not-eligible' | 'info';
export type Certainty = 'verified' | 'unverified';

/** A cited provision. `expected` marks a planned change: cited even before it takes effect. */
export type RuleCitation = string | { id: string; expected: true };

export interface Decision {
  /** The answers the outcome rests on, in the order the trace reads them. */
  because: InputName[];
  /** Overrides the rule's certainty for this situation (see A3). */
  certainty?: Certainty;
}

/** What a rule may know besides the situation: facts of the registry on the date asked. */
export interface RuleContext {
  /** A new act has taken effect whose text the registry does not hold yet (A4). */
  newActPending: boolean;
}

export interface Rule extends DateRange {
  /** Also the key of the outcome's text in texts.yaml. */
  id: string;
  kind: OutcomeKind;
  certainty: Certainty;
  citations: RuleCitation[];
  decide(s: Situation, ctx: RuleContext): Decision | null;
}

/**
 * Benefits that put a person in LAB § 6 (law-notes T1, LBK 280/2024): nr. 1 dagpenge, 2-5 kontanthjælp and
 * uddannelseshjælp, 6 sygedagpenge, 7-8 ressourceforløbsydelse (jobafklaring, ressourceforløb), 9 ledighedsydelse,
 * 11 førtidspension.
 */
const BENEFITS_IN_TARGET_GROUPS: ReadonlySet<Benefit> = new Set([
  'dagpenge',
  'kontanthjaelp',
  'uddannelseshjaelp',
  'sygedagpenge',
  'ressourceforloebsydelse',
  'ledighedsydelse',
  'foertidspension',
]);
/** Educations that are not studie- or erhvervskompetencegivende (law-notes T2). */
const NOT_QUALIFYING = new Set(['fgu', 'hoejskole', 'amu', 'produktionsskole']);

const isCitizen = (s: Situation) => s.role === 'citizen';
const isEmployer = (s: Situation) => s.role === 'employer';
const inIntegration = (s: Situation) => s.situation === 'integrationsprogram';
const labCitizen = (s: Situation) => isCitizen(s) && !inIntegration(s);
const employerMaySupport = (s: Situation) => isEmployer(s) && s.supportBeyondUsual !== false;
const known = (s: Situation, ...names: InputName[]) => names.filter((n) => s[n] !== undefined);
/**
 * The person has said they seek no job, education or offer (A6). LAB § 167, stk. 1 gives mentor support for that
 * purpose, and since LOV 295/2023 the discharge right in stk. 2 has "samme formål".
 */
const noAim = (s: Situation) => s.seeksWorkOrEducation === false;

/**
 * Whether the person is in LAB § 6 (A1): `yes` from the benefit or a flexjob (nr. 9), `no` for SU or an ordinary job
 * without a benefit, `likely` for an unemployed or self-supporting person without a benefit (nr. 12), else `unknown`.
 */
export function targetGroup(s: Situation): 'yes' | 'likely' | 'no' | 'unknown' {
  if (s.situation === 'fleksjob') return 'yes';
  if (s.benefit !== undefined && BENEFITS_IN_TARGET_GROUPS.has(s.benefit)) return 'yes';
  if (s.benefit === 'su') return 'no';
  if (s.situation === 'ordinaer-ansaettelse' && (s.benefit === undefined || s.benefit === 'ingen')) return 'no';
  if (s.benefit === 'ingen' && (s.situation === 'ledig' || s.situation === 'tilbud')) return 'likely';
  // Self-supporting and not employed: LAB § 6, nr. 12, when no public support or SU could be had (A1).
  if (s.situation === 'selvforsorgende' && (s.benefit === undefined || s.benefit === 'ingen')) return 'likely';
  return 'unknown';
}
/**
 * The discharge outcome for `group`, resting on the answer that placed the person (the benefit, else the situation).
 */
const discharge = (s: Situation, group: ReturnType<typeof targetGroup>): Decision | null => {
  if (!labCitizen(s) || s.psychiatricDischarge !== true || targetGroup(s) !== group || noAim(s)) return null;
  const byBenefit = s.benefit !== undefined && BENEFITS_IN_TARGET_GROUPS.has(s.benefit);
  return {
    because: byBenefit ? ['psychiatricDischarge', 'benefit'] : known(s, 'psychiatricDischarge', 'situation', 'benefit'),
  };
};

// The youth right (LAB § 167, stk. 3), judged at admission (A3).
/** Under 30, admitted to an education that may qualify, within the 6 months, outside the integration programme. */
const youthCandidate = (s: Situation) =>
  labCitizen(s) &&
  s.age !== undefined &&
  s.age < 30 &&
  s.admittedToEducation === true &&
  (s.educationKind === undefined || s.educationKind === 'qualifying') &&
  s.admittedRecently !== false;
/** No vocational qualification: told, or settled by uddannelseshjælp at admission (it is only for people without). */
const withoutVocationalEducation = (s: Situation) =>
  benefitAtAdmissionOf(s) === 'uddannelseshjaelp' || s.hasVocationalEducation === false;
const youthGroupWith = (benefits: ReadonlySet<Benefit>) => (s: Situation) => {
  const b = benefitAtAdmissionOf(s);
  return youthCandidate(s) && b !== undefined && benefits.has(b) && withoutVocationalEducation(s);
};
const UDDANNELSESHJAELP: ReadonlySet<Benefit> = new Set(['uddannelseshjaelp']);
const youthGroupBefore2025 = youthGroupWith(UDDANNELSESHJAELP);
const youthGroupFrom2025 = youthGroupWith(YOUTH_GROUP_BENEFITS);
/** The answers the youth right rests on, as far as they are known. */
const youthBecause = (s: Situation): InputName[] => [
  ...known(s, 'age', 'admittedToEducation', 'educationKind', 'admittedRecently'),
  ...(s.benefitAtAdmission !== undefined ? (['benefitAtAdmission'] as InputName[]) : known(s, 'benefit')),
  ...(benefitAtAdmissionOf(s) === 'uddannelseshjaelp' ? [] : known(s, 'hasVocationalEducation')),
];
/** Verified only when the kind of education is known to qualify. */
const youthRight = (s: Situation): Decision => ({
  because: youthBecause(s),
  ...(s.educationKind === 'qualifying' ? {} : { certainty: 'unverified' as const }),
});
const youthNeedsBenefit = (benefits: ReadonlySet<Benefit>) => (s: Situation) => {
  const b = benefitAtAdmissionOf(s);
  return youthCandidate(s) && b !== undefined && !benefits.has(b)
    ? {
        because: [
          ...known(s, 'age'),
          s.benefitAtAdmission !== undefined ? 'benefitAtAdmission' : 'benefit',
        ] as InputName[],
      }
    : null;
};
const youngAndAdmitted = (s: Situation) =>
  labCitizen(s) && s.age !== undefined && s.age < 30 && s.admittedToEducation === true;

const FROM_2020 = { validFrom: '2020-01-01', validTo: null };
/** The youth right is in the law we know from LBK 701/2022. */
const YOUTH_RIGHT = '2022-05-22';

export const RULES: readonly Rule[] = [
  // LAB 2019 took effect on 1 January 2020; we do not advise on the older chapter 9 b rules.
  {
    id: 'lawBefore2020',
    kind: 'info',
    certainty: 'verified',
    citations: [{ id: 'LAB-167-1', expected: true }],
    validFrom: '1900-01-01',
    validTo: '2019-12-31',
    decide: () => ({ because: [] }),
  },
  // LAB § 167, stk. 1: anyone may get mentor support to get or keep activity, offer, education, flexjob or job.
  {
    id: 'mentorSupportPossible',
    kind: 'possible',
    certainty: 'verified',
    citations: ['LAB-167-1', 'LAB-169-1'],
    ...FROM_2020,
    decide: (s) => (labCitizen(s) && !noAim(s) ? { because: known(s, 'situation') } : null),
  },
  // LAB § 167, stk. 1 names the purpose: activity, offer, education, flexjob or job (A6).
  {
    id: 'mentorSupportNeedsAim',
    kind: 'not-eligible',
    certainty: 'verified',
    citations: ['LAB-167-1'],
    ...FROM_2020,
    decide: (s) => (labCitizen(s) && noAim(s) ? { because: ['seeksWorkOrEducation'] } : null),
  },
  // Integrationsloven § 23 d, stk. 1: a possibility, not a right.
  {
    id: 'mentorSupportIntegration',
    kind: 'possible',
    certainty: 'verified',
    citations: ['INTL-23d-1', 'INTL-23d-3'],
    validFrom: '2020-06-22',
    validTo: null,
    decide: (s) => (isCitizen(s) && inIntegration(s) ? { because: ['situation'] } : null),
  },
  // Integrationsloven § 23 d, stk. 2: under 30 starting an ordinary education. The newer wording names only the
  // introduktionsprogram and we do not know which programme the person is in, nor when the wording changed.
  {
    id: 'mentorSupportIntegrationYoung',
    kind: 'possible',
    certainty: 'unverified',
    citations: ['INTL-23d-2'],
    validFrom: '2020-06-22',
    validTo: null,
    decide: (s) =>
      isCitizen(s) && inIntegration(s) && s.age !== undefined && s.age < 30 && s.admittedToEducation === true
        ? { because: ['situation', 'age', 'admittedToEducation'] }
        : null,
  },
  // Integrationsloven § 23 d, stk. 3 imports LAB § 169 and § 171 only (A2).
  {
    id: 'integrationNoLabRights',
    kind: 'info',
    certainty: 'verified',
    citations: ['INTL-23d-3'],
    validFrom: '2020-06-22',
    validTo: null,
    decide: (s) => (isCitizen(s) && inIntegration(s) ? { because: ['situation'] } : null),
  },
  // LAB § 167, stk. 2 with § 6 (A1) and, from 2024, BEK 1216/2023 § 128: the right at psychiatric discharge.
  {
    id: 'psychiatricDischargeRight',
    kind: 'right',
    certainty: 'verified',
    citations: ['LAB-167-2', 'LAB-6', 'BEK-128-1', 'BEK-128-3'],
    ...FROM_2020,
    decide: (s) => discharge(s, 'yes'),
  },
  {
    id: 'psychiatricDischargeRightConfirm',
    kind: 'right',
    certainty: 'unverified',
    citations: ['LAB-167-2', 'LAB-6', 'BEK-128-1', 'BEK-128-3'],
    ...FROM_2020,
    decide: (s) => discharge(s, 'likely'),
  },
  {
    id: 'psychiatricDischargeNotTargetGroup',
    kind: 'info',
    certainty: 'verified',
    citations: ['LAB-167-2', 'LAB-6', 'LAB-167-1'],
    ...FROM_2020,
    decide: (s) => discharge(s, 'no'),
  },
  {
    id: 'psychiatricDischargeNeedsTargetGroup',
    kind: 'info',
    certainty: 'verified',
    citations: ['LAB-167-2', 'LAB-6'],
    ...FROM_2020,
    decide: (s) => discharge(s, 'unknown'),
  },
  // Everyone hears of the discharge right without being asked about their health.
  {
    id: 'psychiatricDischargeRightInfo',
    kind: 'info',
    certainty: 'verified',
    citations: ['LAB-167-2', 'LAB-6'],
    ...FROM_2020,
    decide: (s) => (labCitizen(s) && s.psychiatricDischarge === undefined && !noAim(s) ? { because: [] } : null),
  },
  // LAB § 167, stk. 3 with § 6, nr. 4-5 as we read them (uddannelseshjælp at admission, A3).
  {
    id: 'youthEducationRight',
    kind: 'right',
    certainty: 'verified',
    citations: ['LAB-167-3', 'LAB-6-4-5'],
    validFrom: YOUTH_RIGHT,
    validTo: '2025-06-30',
    decide: (s) => (youthGroupBefore2025(s) ? youthRight(s) : null),
  },
  // From 1 July 2025 the group's wording is UNVERIFIED: a right, marked not confirmed, with its conditions (A3).
  {
    id: 'youthEducationRightUnsure',
    kind: 'right',
    certainty: 'unverified',
    citations: ['LAB-167-3', 'LAB-6-4-5-2025', 'LOV-1655-2024'],
    validFrom: '2025-07-01',
    validTo: '2026-12-31',
    decide: (s) => (youthGroupFrom2025(s) ? { because: youthBecause(s) } : null),
  },
  // The right is expected to go with the new act (A4).
  {
    id: 'youthEducationRightAfter2027',
    kind: 'possible',
    certainty: 'unverified',
    citations: ['LAB-167-3', { id: 'NY-LAB-2027', expected: true }],
    validFrom: '2027-01-01',
    validTo: null,
    decide: (s) => (youthGroupFrom2025(s) ? { because: youthBecause(s) } : null),
  },
  // Political agreement of 9 April 2025: abolition planned.
  {
    id: 'youthEducationRightPlannedAbolition',
    kind: 'info',
    certainty: 'unverified',
    citations: [{ id: 'NY-LAB-2027', expected: true }],
    validFrom: '2025-04-09',
    validTo: '2026-12-31',
    decide: (s) => (youthGroupFrom2025(s) ? { because: [] } : null),
  },
  {
    id: 'youthEducationRightNotOver30',
    kind: 'info',
    certainty: 'verified',
    citations: ['LAB-167-3', 'LAB-6-4-5'],
    validFrom: YOUTH_RIGHT,
    validTo: null,
    decide: (s) =>
      labCitizen(s) && s.age !== undefined && s.age >= 30 && s.admittedToEducation === true
        ? { because: ['age', 'admittedToEducation'] }
        : null,
  },
  // § 167, stk. 3 needs a studie- or erhvervskompetencegivende uddannelse: not FGU, højskole, AMU or produktionsskole.
  {
    id: 'youthEducationRightNotQualifying',
    kind: 'info',
    certainty: 'verified',
    citations: ['LAB-167-3', 'LAB-167-1'],
    validFrom: YOUTH_RIGHT,
    validTo: null,
    decide: (s) =>
      youngAndAdmitted(s) && s.educationKind !== undefined && NOT_QUALIFYING.has(s.educationKind)
        ? { because: ['admittedToEducation', 'educationKind'] }
        : null,
  },
  {
    id: 'youthEducationRightEducationUnclear',
    kind: 'info',
    certainty: 'unverified',
    citations: ['LAB-167-3'],
    validFrom: YOUTH_RIGHT,
    validTo: null,
    decide: (s) =>
      youngAndAdmitted(s) && s.educationKind === 'other' ? { because: ['admittedToEducation', 'educationKind'] } : null,
  },
  // The right can be used for up to 6 months from admission.
  {
    id: 'youthEducationRightTooLate',
    kind: 'info',
    certainty: 'verified',
    citations: ['LAB-167-3', 'LAB-167-1'],
    validFrom: YOUTH_RIGHT,
    validTo: null,
    decide: (s) =>
      youngAndAdmitted(s) &&
      s.admittedRecently === false &&
      s.educationKind !== 'other' &&
      !NOT_QUALIFYING.has(s.educationKind ?? '')
        ? { because: ['admittedToEducation', 'admittedRecently'] }
        : null,
  },
  {
    id: 'youthEducationRightNotWithEducation',
    kind: 'info',
    certainty: 'verified',
    citations: ['LAB-167-3', 'LAB-6-4-5'],
    validFrom: YOUTH_RIGHT,
    validTo: null,
    decide: (s) =>
      youthCandidate(s) && s.hasVocationalEducation === true && benefitAtAdmissionOf(s) !== 'uddannelseshjaelp'
        ? { because: ['age', 'hasVocationalEducation'] }
        : null,
  },
  // The group follows the benefit at admission: uddannelseshjælp, and from 1 July 2025 kontanthjælp.
  {
    id: 'youthEducationRightNeedsBenefit',
    kind: 'info',
    certainty: 'verified',
    citations: ['LAB-167-3', 'LAB-6-4-5'],
    validFrom: YOUTH_RIGHT,
    validTo: '2025-06-30',
    decide: youthNeedsBenefit(UDDANNELSESHJAELP),
  },
  {
    id: 'youthEducationRightNeedsBenefitFrom2025',
    kind: 'info',
    certainty: 'unverified',
    citations: ['LAB-167-3', 'LAB-6-4-5-2025'],
    validFrom: '2025-07-01',
    validTo: null,
    decide: youthNeedsBenefit(YOUTH_GROUP_BENEFITS),
  },
  // LAB § 167, stk. 1: at most 6 months a period; a new period after a concrete assessment (2. pkt.).
  {
    id: 'periodLength',
    kind: 'info',
    certainty: 'verified',
    citations: ['LAB-167-1', 'LAB-167-1-p2'],
    ...FROM_2020,
    decide: (s) =>
      labCitizen(s) && (s.monthsWithMentor === undefined || s.monthsWithMentor < 6)
        ? { because: known(s, 'monthsWithMentor') }
        : null,
  },
  {
    id: 'periodEndedExtension',
    kind: 'info',
    certainty: 'verified',
    citations: ['LAB-167-1', 'LAB-167-1-p2'],
    ...FROM_2020,
    decide: (s) =>
      labCitizen(s) && s.monthsWithMentor !== undefined && s.monthsWithMentor >= 6
        ? { because: ['monthsWithMentor'] }
        : null,
  },
  // BEK 1216/2023 § 52: what Min Plan holds.
  {
    id: 'minPlanContents',
    kind: 'info',
    certainty: 'verified',
    citations: ['BEK-52', 'LAB-47-1'],
    validFrom: '2024-01-01',
    validTo: null,
    decide: (s) => (labCitizen(s) ? { because: [] } : null),
  },
  // LAB § 204 and retssikkerhedsloven §§ 66-67: complaint to the deciding body, then Ankestyrelsen, within 4 weeks.
  // Someone else may complain for the person (forvaltningsloven § 8). Decisions under LAB only (A2).
  {
    id: 'complaintRoute',
    kind: 'info',
    certainty: 'verified',
    citations: ['LAB-204-1', 'LAB-204-2', 'RSL-66-1', 'RSL-67-1', 'FVL-8-1'],
    ...FROM_2020,
    decide: (s) => (labCitizen(s) ? { because: [] } : null),
  },
  {
    id: 'complaintRouteIntegration',
    kind: 'info',
    certainty: 'unverified',
    citations: ['INTL-23d-1', 'FVL-8-1'],
    validFrom: '2020-06-22',
    validTo: null,
    decide: (s) => (isCitizen(s) && inIntegration(s) ? { because: ['situation'] } : null),
  },
  // LAB § 203 a (LOV 1749/2025): a joint limit in the settlement of the municipalities' budget guarantee.
  {
    id: 'spendingCap2026',
    kind: 'info',
    certainty: 'verified',
    citations: ['LAB-203a-3', 'LAB-203a-4'],
    validFrom: '2026-01-01',
    validTo: null,
    decide: (s) => (isCitizen(s) && !noAim(s) ? { because: [] } : null),
  },
  // Not for an employer who has just been told that it gets no support: it would only add length.
  {
    id: 'spendingCap2026Employer',
    kind: 'info',
    certainty: 'verified',
    citations: ['LAB-203a-3', 'LAB-203a-4'],
    validFrom: '2026-01-01',
    validTo: null,
    decide: (s) => (employerMaySupport(s) ? { because: [] } : null),
  },
  // A4: while the registry lacks the new act, every answer from its date says so.
  {
    id: 'newActExpected2027',
    kind: 'info',
    certainty: 'unverified',
    citations: [{ id: 'NY-LAB-2027', expected: true }],
    validFrom: '2027-01-01',
    validTo: null,
    decide: (_s, ctx) => (ctx.newActPending ? { because: [] } : null),
  },
  // LAB § 169, stk. 1: support to a company or school needs work beyond the usual, and a decisive mentor; for a new
  // job or one an employee is to keep.
  {
    id: 'employerSupportPossible',
    kind: 'possible',
    certainty: 'verified',
    citations: ['LAB-169-1', 'LAB-169-2'],
    ...FROM_2020,
    decide: (s) => (employerMaySupport(s) ? { because: known(s, 'supportBeyondUsual') } : null),
  },
  // Not for the employer's usual introduction; the municipality may still give a mentor of its own (LAB §§ 168, 170).
  {
    id: 'employerNotBeyondUsual',
    kind: 'not-eligible',
    certainty: 'verified',
    citations: ['LAB-169-1', 'LAB-168', 'LAB-170'],
    ...FROM_2020,
    decide: (s) => (isEmployer(s) && s.supportBeyondUsual === false ? { because: ['supportBeyondUsual'] } : null),
  },
  // LAB § 169, stk. 2 with BEK 1216/2023 §§ 123, 125 and 126: frikøb of an employee, wage costs for direct contact.
  {
    id: 'employerFrikoeb',
    kind: 'info',
    certainty: 'verified',
    citations: ['LAB-169-2', 'BEK-123', 'BEK-125-1', 'BEK-126'],
    ...FROM_2020,
    decide: (s) => (employerMaySupport(s) && s.mentorType !== 'external' ? { because: known(s, 'mentorType') } : null),
  },
  {
    id: 'employerConsultantFee',
    kind: 'info',
    certainty: 'verified',
    citations: ['LAB-169-2', 'LAB-168', 'BEK-125-1'],
    ...FROM_2020,
    decide: (s) => (employerMaySupport(s) && s.mentorType !== 'employee' ? { because: known(s, 'mentorType') } : null),
  },
  // LAB § 169, stk. 2, 2. pkt. with BEK 1216/2023 § 127: a training grant; the training hours do not count in the
  // grant, and the employee is paid as usual.
  {
    id: 'employerTrainingGrant',
    kind: 'info',
    certainty: 'verified',
    citations: ['LAB-169-2', 'BEK-127'],
    ...FROM_2020,
    decide: (s) => (employerMaySupport(s) && s.mentorType !== 'external' ? { because: [] } : null),
  },
  // BEK 1216/2023 §§ 125, stk. 2 and 126: what counts in the cost.
  {
    id: 'employerCostRules',
    kind: 'info',
    certainty: 'verified',
    citations: ['BEK-125-2', 'BEK-126'],
    validFrom: '2024-01-01',
    validTo: null,
    decide: (s) => (employerMaySupport(s) ? { because: [] } : null),
  },
  // LAB § 169, stk. 3-4: hours set concretely, or per place.
  {
    id: 'employerHours',
    kind: 'info',
    certainty: 'verified',
    citations: ['LAB-169-3'],
    ...FROM_2020,
    decide: (s) => (employerMaySupport(s) ? { because: [] } : null),
  },
  {
    id: 'employerHoursPerPlace',
    kind: 'info',
    certainty: 'verified',
    citations: ['LAB-169-4'],
    ...FROM_2020,
    decide: (s) => (employerMaySupport(s) && s.severalPersons === true ? { because: ['severalPersons'] } : null),
  },
  // BEK 1216/2023 § 136, stk. 4 (only paraphrased, so unverified) and LAB § 185: digital application through VITAS.
  {
    id: 'employerApply',
    kind: 'info',
    certainty: 'unverified',
    citations: ['BEK-136-4', 'LAB-185'],
    validFrom: '2024-01-01',
    validTo: null,
    decide: (s) => (employerMaySupport(s) ? { because: [] } : null),
  },
];
