import { ESTIMATE_LIMITS, type Estimate, type EstimateInput, estimateSupport } from '../knowledge/estimate.js';
import type { Lang } from '../knowledge/search/normalise.js';
import { ASK_DIALOG, type AskOptions, type AskResult } from './ask-dialog.js';
import { type DialogDeps, checkDeps, common } from './deps.js';
import {
  type CostMention,
  MONTHLY_HOURS,
  isDontKnow,
  parseCostMention,
  parseNumber,
  withFigures,
} from './input/index.js';
import { type Activity, type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from './sdk.js';
import { newChatData, newProfile } from './state.js';
import type { TemplateKey } from './template-keys.js';

export const ESTIMATE_DIALOG = 'estimate';
/** What the estimate dialog ends with: its last message already offers what to do next. */
export const ESTIMATE_DONE = 'estimateDone';

type Field = 'amount' | 'hoursPerWeek' | 'weeks';

/** What the employer has told so far; `asked` is the figure the last question asked for. */
interface EstimateState {
  cost: CostMention;
  asked?: Field;
}

const ASK: Record<Field, TemplateKey> = {
  amount: 'estimate.askWage',
  hoursPerWeek: 'estimate.askHours',
  weeks: 'estimate.askWeeks',
};
const AGAIN: Record<Field, TemplateKey> = {
  amount: 'estimate.notUnderstood.wage',
  hoursPerWeek: 'estimate.notUnderstood.hours',
  weeks: 'estimate.notUnderstood.weeks',
};
const LIMITS: Record<Field, { min: number; max: number }> = {
  amount: ESTIMATE_LIMITS.hourly,
  hoursPerWeek: ESTIMATE_LIMITS.hoursPerWeek,
  weeks: ESTIMATE_LIMITS.weeks,
};

/** The estimate's input from what was said, or null while a figure is missing or out of range. */
export function estimateInput(cost: CostMention): EstimateInput | null {
  const { amount, hoursPerWeek, weeks } = cost;
  if (amount === undefined || hoursPerWeek === undefined || weeks === undefined) return null;
  const fields: [Field, number][] = [
    ['amount', amount],
    ['hoursPerWeek', hoursPerWeek],
    ['weeks', weeks],
  ];
  if (fields.some(([f, v]) => v < LIMITS[f].min || v > LIMITS[f].max)) return null;
  return cost.consultant
    ? { mentor: 'consultant', hourlyFee: amount, hoursPerWeek, weeks }
    : {
        mentor: 'employee',
        hourlyWage: amount,
        hoursPerWeek,
        weeks,
        ...(cost.holidayPayPercent !== undefined ? { holidayPayPercent: cost.holidayPayPercent } : {}),
        ...(cost.pensionPercent !== undefined ? { pensionPercent: cost.pensionPercent } : {}),
        ...(cost.otherContributionsPercent !== undefined
          ? { otherContributionsPercent: cost.otherContributionsPercent }
          : {}),
      };
}

/** The estimate as a reply: the sum first, how it is reckoned, what does not count, and that it is an estimate. */
export function estimateActivity(
  deps: DialogDeps,
  estimate: Estimate,
  lang: Lang,
  buttons: string[] = [],
  options: { assumedPeriod?: boolean; monthlyPay?: number } = {},
): Partial<Activity> {
  // Whole numbers as they are, øre with two digits: "17.940", "257,60".
  const locale = lang === 'da' ? 'da-DK' : 'en-GB';
  const n = (x: number) =>
    new Intl.NumberFormat(
      locale,
      Number.isInteger(x) ? { maximumFractionDigits: 0 } : { minimumFractionDigits: 2, maximumFractionDigits: 2 },
    ).format(x);
  const citations = estimate.citations.map((id) => {
    const c = deps.kb.registry.citation(id);
    return { label: c.label, url: c.url, unverified: c.status === 'unverified' };
  });
  return deps.replies.message(
    lang,
    'estimate.result',
    {
      ...common(deps, lang),
      total: n(estimate.total),
      wage: n(estimate.base),
      hourly: n(estimate.hourlyCost),
      hoursPerWeek: n(estimate.hoursPerWeek),
      weeks: n(estimate.weeks),
      hours: n(estimate.hours),
      // "1 time om ugen", not "1 timer".
      oneHourAWeek: estimate.hoursPerWeek === 1,
      oneHour: estimate.hours === 1,
      additions: estimate.additions.map((a) => ({
        label: deps.replies.text(lang, `estimate.addition.${a.kind}` as TemplateKey),
        percent: n(a.percent),
      })),
      consultant: estimate.mentor === 'consultant',
      trainingGrant: estimate.trainingGrantSeparate,
      longPeriod: estimate.longerThanOnePeriod,
      assumedPeriod: options.assumedPeriod === true,
      monthlyPay: options.monthlyPay !== undefined ? n(options.monthlyPay) : null,
      monthlyHours: n(MONTHLY_HOURS),
      citations,
    },
    buttons,
  );
}

/**
 * "Vil I have et overslag?": asks an employer, one at a time, for what the estimate still lacks (the mentor's wage or
 * the consultant's fee per hour, the hours a week, the period), takes several figures from one answer ("230 kr, 3
 * timer om ugen i 26 uger"), and ends with the estimate (knowledge/estimate.ts). "ved ikke" ends it politely.
 */
export class EstimateDialog extends WaterfallDialog {
  private readonly deps: DialogDeps;

  constructor(deps: DialogDeps) {
    super(ESTIMATE_DIALOG);
    this.deps = checkDeps('EstimateDialog', deps);
    this.addStep(this.askStep.bind(this));
    this.addStep(this.recordStep.bind(this));
  }

  private async lang(step: WaterfallStepContext): Promise<Lang> {
    return (await this.deps.profile.get(step.context, newProfile())).lang;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = (step.options ?? { cost: {} }) as EstimateState;
    const lang = await this.lang(step);
    const chat = await this.deps.chat.get(step.context, newChatData());
    if (chat.situation?.role === 'employer' && chat.situation.mentorType === 'external') state.cost.consultant = true;
    const input = estimateInput(state.cost);
    if (input) {
      const buttons = (['buttons.question', 'buttons.human', 'buttons.restart'] as const).map((k) =>
        this.deps.replies.text(lang, k),
      );
      await step.context.sendActivity(
        estimateActivity(this.deps, estimateSupport(input), lang, buttons, {
          ...(state.cost.monthlyPay !== undefined ? { monthlyPay: state.cost.monthlyPay } : {}),
        }),
      );
      chat.lastCost = { ...state.cost, perHour: true };
      return step.endDialog(ESTIMATE_DONE);
    }
    const missing = (['amount', 'hoursPerWeek', 'weeks'] as const).find((f) => state.cost[f] === undefined)!;
    state.asked = missing;
    const prompt = missing === 'amount' && state.cost.consultant ? 'estimate.askFee' : ASK[missing];
    return step.beginDialog(ASK_DIALOG, {
      kind: 'free',
      prompt,
      buttons: ['buttons.dontKnow'],
      data: {},
    } satisfies AskOptions);
  }

  private async recordStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = step.options as EstimateState;
    const lang = await this.lang(step);
    const text = (step.result as AskResult & { kind: 'text' }).text;
    const asked = state.asked!;
    if (isDontKnow(text, lang)) {
      await step.context.sendActivity(this.deps.replies.message(lang, 'estimate.skipped', common(this.deps, lang)));
      return step.endDialog();
    }
    const said = parseCostMention(text, lang);
    // A bare number answers the question asked ("230" for the wage, "3" for the hours, "26" for the weeks).
    if (said[asked] === undefined) {
      const bare = parseNumber(text, lang);
      if (bare !== null) said[asked] = bare;
    }
    const value = said[asked];
    const limits = LIMITS[asked];
    const cost = withFigures(state.cost, said);
    if (value === undefined || value < limits.min || value > limits.max) {
      delete (cost as Record<string, unknown>)[asked];
      await step.context.sendActivity(this.deps.replies.message(lang, AGAIN[asked]));
    }
    return step.replaceDialog(ESTIMATE_DIALOG, { cost } satisfies EstimateState);
  }
}
