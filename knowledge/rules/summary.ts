import type { IsoDate } from '../dates.js';
import type { Assessor, Outcome } from './assess.js';
import type { Situation } from './inputs.js';
import type { OutcomeKind } from './rules.js';
import type { Bilingual } from './texts.js';

/**
 * A personal summary: what the rule module finds for one person, cut down to what concerns them, outcome first.
 *
 * - `lead`: what applies to the person, one kind only: their rights; else what they can apply for; else what they
 *   cannot get. Each lead outcome carries its own "fordi du svarede ..." and its law.
 * - `steps`: at most two next steps that fit the person (their right, a mentor they already have, a new period ...).
 * - `goodToKnow`: the information outcomes that concern this person (GOOD_TO_KNOW), never general information they
 *   cannot use: the discharge right only where it could give them a right, the 2026 spending limit never to citizens.
 *
 * Choices written down (Catala style):
 * S1. A right makes the general "you can apply" redundant, so a lead holds one kind of outcome.
 * S2. The ordinary 6-month period is not told to someone with a right: the discharge right runs for at least 6 months,
 *     and the youth right says its own length.
 * S3. The way to complain is told with a right only: a refused right is what a citizen most needs to contest.
 */
export interface PersonalSummary {
  lead: Outcome[];
  leadKind: Exclude<OutcomeKind, 'info'> | null;
  steps: { id: StepId; text: Bilingual }[];
  goodToKnow: Outcome[];
}

/** The next steps a summary may give, in the order they are considered; their texts are in texts.yaml, `steps`. */
export const STEP_IDS = [
  'askCaseworkerIntegration',
  'useDischargeRight',
  'useYouthRight',
  'askNewPeriod',
  'haveMentorNow',
  'askForMentor',
  'minPlan',
  'employerMunicipalMentor',
  'employerTalkFirst',
  'employerHowToApply',
] as const;
export type StepId = (typeof STEP_IDS)[number];

export const MAX_STEPS = 2;

/** What the summary knows besides the outcomes. */
interface Context {
  s: Situation;
  ids: ReadonlySet<string>;
  /** Whether knowing that the person is discharged from psychiatric care would give them a right. */
  dischargeCouldGiveRight: boolean;
  hasRight: boolean;
}

const hasMentorNow = (s: Situation) => s.monthsWithMentor !== undefined && s.monthsWithMentor > 0;

/**
 * The information outcomes a summary shows, each with when it concerns the person. An outcome not listed here is
 * never in a summary (the JSON API still gives it): minPlanContents and employerApply are said as next steps,
 * spendingCap2026 limits the municipality's budget, not the citizen.
 */
const GOOD_TO_KNOW: Record<string, (c: Context) => boolean> = {
  lawBefore2020: () => true,
  newActExpected2027: () => true,
  integrationNoLabRights: () => true,
  psychiatricDischargeNotTargetGroup: () => true,
  psychiatricDischargeNeedsTargetGroup: () => true,
  psychiatricDischargeRightInfo: (c) => c.dischargeCouldGiveRight,
  youthEducationRightPlannedAbolition: () => true,
  youthEducationRightNotOver30: () => true,
  youthEducationRightNotQualifying: () => true,
  youthEducationRightEducationUnclear: () => true,
  youthEducationRightTooLate: () => true,
  youthEducationRightNotWithEducation: () => true,
  youthEducationRightNeedsBenefit: () => true,
  youthEducationRightNeedsBenefitFrom2025: () => true,
  periodLength: (c) => !c.hasRight, // S2
  periodEndedExtension: () => true,
  complaintRoute: (c) => c.hasRight, // S3
  spendingCap2026Employer: () => true,
  employerFrikoeb: () => true,
  employerConsultantFee: () => true,
  employerTrainingGrant: () => true,
  employerCostRules: () => true,
  employerHours: () => true,
  employerHoursPerPlace: () => true,
};

/** Each step with when it fits; the first MAX_STEPS that fit are given. */
const STEPS: Record<StepId, (c: Context) => boolean> = {
  askCaseworkerIntegration: (c) => c.s.role === 'citizen' && c.s.situation === 'integrationsprogram',
  useDischargeRight: (c) => c.ids.has('psychiatricDischargeRight') || c.ids.has('psychiatricDischargeRightConfirm'),
  useYouthRight: (c) => c.ids.has('youthEducationRight') || c.ids.has('youthEducationRightUnsure'),
  askNewPeriod: (c) => c.s.role === 'citizen' && c.s.monthsWithMentor !== undefined && c.s.monthsWithMentor >= 6,
  haveMentorNow: (c) => c.s.role === 'citizen' && hasMentorNow(c.s) && c.s.monthsWithMentor! < 6,
  askForMentor: (c) =>
    c.s.role === 'citizen' && !c.hasRight && !hasMentorNow(c.s) && c.s.situation !== 'integrationsprogram',
  minPlan: (c) => c.s.role === 'citizen' && !hasMentorNow(c.s),
  employerMunicipalMentor: (c) => c.s.role === 'employer' && c.s.supportBeyondUsual === false,
  employerTalkFirst: (c) => c.s.role === 'employer' && c.s.supportBeyondUsual !== false,
  employerHowToApply: (c) => c.s.role === 'employer' && c.s.supportBeyondUsual !== false,
};

/** The summary for a situation on a date (see PersonalSummary). */
export function summarise(assessor: Assessor, s: Situation, date: IsoDate): PersonalSummary {
  const { outcomes } = assessor.assess(s, date);
  const of = (kind: OutcomeKind) => outcomes.filter((o) => o.kind === kind);
  const leadKind = (['right', 'possible', 'not-eligible'] as const).find((k) => of(k).length > 0) ?? null;
  const lead = leadKind ? of(leadKind) : [];
  const c: Context = {
    s,
    ids: new Set(outcomes.map((o) => o.id)),
    dischargeCouldGiveRight:
      s.role === 'citizen' &&
      s.psychiatricDischarge === undefined &&
      assessor.couldGiveRight(s, { psychiatricDischarge: true }, date),
    hasRight: leadKind === 'right',
  };
  const goodToKnow = of('info').filter((o) => GOOD_TO_KNOW[o.id]?.(c) === true);
  const steps = STEP_IDS.filter((id) => STEPS[id](c))
    .slice(0, MAX_STEPS)
    .map((id) => ({ id, text: assessor.step(id, date) }));
  return { lead, leadKind, steps, goodToKnow };
}
