/**
 * The employer's cost estimate: what the support for a mentor might come to. Pure arithmetic beside the provisions it
 * follows; always an estimate, since the municipality sets the hours and grants the amount (LAB § 169, stk. 3;
 * BEK 1216/2023 § 125, stk. 1).
 *
 * - Own employee (frikøb, LAB § 169, stk. 2; BEK § 125, stk. 1-2): the wage cost per hour of direct contact is the pay
 *   plus holiday pay, pension and other employer contributions; transport, pay during illness and preparation do not
 *   count (BEK §§ 125, stk. 2, and 126). Times the hours agreed per week, times the weeks of the period.
 * - External consultant (LAB § 169, stk. 2; BEK § 125, stk. 1): the fee per hour of mentor support, times the hours.
 * - A grant for training one's own employee as mentor is a separate grant (LAB § 169, stk. 2, 2. pkt.; BEK § 127):
 *   its amount depends on the course, so it is a line of its own, not part of the sum.
 *
 * Choices written down: the additions are taken as percentages of the pay, as employers state them ("plus 12 %
 * pension"); a period longer than 6 months is reckoned as asked but flagged, since a period is at most 6 months at a
 * time (LAB § 167, stk. 1); amounts are rounded to whole kroner, the hourly cost to øre.
 */

export type MentorKind = 'employee' | 'consultant';

/** What the estimate is made from; amounts in kroner, additions in per cent of the pay. */
export interface EstimateInput {
  mentor: MentorKind;
  /** Own employee: the pay per hour. */
  hourlyWage?: number;
  holidayPayPercent?: number;
  pensionPercent?: number;
  otherContributionsPercent?: number;
  /** Consultant: the fee per hour. */
  hourlyFee?: number;
  hoursPerWeek: number;
  weeks: number;
}

export type AdditionKind = 'holidayPay' | 'pension' | 'otherContributions';

export interface Estimate {
  mentor: MentorKind;
  /** The pay (or fee) per hour, as given. */
  base: number;
  additions: { kind: AdditionKind; percent: number; amount: number }[];
  /** Cost per hour of direct contact: the pay plus the additions (or the fee), to øre. */
  hourlyCost: number;
  hoursPerWeek: number;
  weeks: number;
  /** Hours of direct contact in the period. */
  hours: number;
  /** hourlyCost × hours, whole kroner. */
  total: number;
  /** Own employee: a grant for the mentor's training may come on top, as a separate grant. */
  trainingGrantSeparate: boolean;
  /** The period is longer than the 6 months a period may last (26 weeks). */
  longerThanOnePeriod: boolean;
  /** The law registry ids the estimate rests on. */
  citations: string[];
}

/** A period is at most 6 months (LAB § 167, stk. 1): 26 weeks. */
export const WEEKS_IN_A_PERIOD = 26;

/** Limits that keep an estimate meaningful; a value outside them is a typing error, named by the caller. */
export const ESTIMATE_LIMITS = {
  hourly: { min: 1, max: 5000 },
  percent: { min: 0, max: 100 },
  hoursPerWeek: { min: 0.25, max: 40 },
  weeks: { min: 1, max: 104 },
} as const;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The estimate for `input`. Throws a RangeError naming the field when a value is outside ESTIMATE_LIMITS. */
export function estimateSupport(input: EstimateInput): Estimate {
  const check = (field: string, value: number | undefined, limits: { min: number; max: number }) => {
    if (value === undefined) return;
    if (!Number.isFinite(value) || value < limits.min || value > limits.max) {
      throw new RangeError(`${field} must be from ${limits.min} to ${limits.max}`);
    }
  };
  const consultant = input.mentor === 'consultant';
  const base = consultant ? input.hourlyFee : input.hourlyWage;
  if (base === undefined)
    throw new RangeError(consultant ? 'hourlyFee is needed for a consultant' : 'hourlyWage is needed for an employee');
  check(consultant ? 'hourlyFee' : 'hourlyWage', base, ESTIMATE_LIMITS.hourly);
  check('holidayPayPercent', input.holidayPayPercent, ESTIMATE_LIMITS.percent);
  check('pensionPercent', input.pensionPercent, ESTIMATE_LIMITS.percent);
  check('otherContributionsPercent', input.otherContributionsPercent, ESTIMATE_LIMITS.percent);
  check('hoursPerWeek', input.hoursPerWeek, ESTIMATE_LIMITS.hoursPerWeek);
  check('weeks', input.weeks, ESTIMATE_LIMITS.weeks);

  // BEK § 125, stk. 2: holiday pay, pension and other employer contributions count; a consultant's fee is the fee.
  const additions = consultant
    ? []
    : (
        [
          ['holidayPay', input.holidayPayPercent],
          ['pension', input.pensionPercent],
          ['otherContributions', input.otherContributionsPercent],
        ] as const
      )
        .filter((a): a is readonly [AdditionKind, number] => a[1] !== undefined && a[1] > 0)
        .map(([kind, percent]) => ({ kind, percent, amount: round2((base * percent) / 100) }));
  const hourlyCost = round2(base + additions.reduce((sum, a) => sum + a.amount, 0));
  const hours = round2(input.hoursPerWeek * input.weeks);
  const total = Math.round(hourlyCost * hours);
  const citations = consultant
    ? ['LAB-169-2', 'BEK-125-1', 'BEK-126', 'LAB-169-3']
    : ['LAB-169-2', 'BEK-125-1', 'BEK-125-2', 'BEK-126', 'LAB-169-3', 'BEK-127'];
  const longerThanOnePeriod = input.weeks > WEEKS_IN_A_PERIOD;
  return {
    mentor: input.mentor,
    base,
    additions,
    hourlyCost,
    hoursPerWeek: input.hoursPerWeek,
    weeks: input.weeks,
    hours,
    total,
    trainingGrantSeparate: !consultant,
    longerThanOnePeriod,
    citations: longerThanOnePeriod ? [...citations, 'LAB-167-1'] : citations,
  };
}
