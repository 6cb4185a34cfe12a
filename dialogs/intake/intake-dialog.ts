import { type InputName, type Role, type Situation, openInputs } from '../../knowledge/rules/inputs.js';
import type { Answerer } from '../answers.js';
import { ASK_DIALOG, type AskOptions, type AskResult } from '../ask-dialog.js';
import { type DialogDeps, checkDeps } from '../deps.js';
import { type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from '../sdk.js';
import { languageOf, newChatData } from '../state.js';
import type { AskableInput } from './questions.js';
import { summary } from './summary.js';
import { personalAnswer } from './personal.js';
import { type Facts, type Said, changedFacts, wordsFor } from '../understand.js';

export const INTAKE_DIALOG = 'intake';
/** What an intake ends with: its summary has been sent. */
export const INTAKE_DONE = 'intakeDone';

/** Where an intake is: what the person has said, what they chose to skip, and whether the intro was shown. */
export interface IntakeOptions {
  situation: Situation;
  skipped: InputName[];
  introduced: boolean;
  /**
   * Set when the intake began from the person's own words: the words each fact came from ("fordi du skrev ..."),
   * and whether the personal answer has been given. Such an intake asks only what can still change the answer.
   */
  personal?: {
    said: Said;
    question: string;
    answered: boolean;
    right: boolean;
    asked?: boolean;
    articleShown?: boolean;
    /** The person writes for somebody else (a son, a mother): the questions' "du" means that person. */
    aboutOther?: boolean;
    /** The note that "du" means the person written about has been given. */
    aboutOtherSaid?: boolean;
  };
}

/** The facts the youth right (LAB § 167, stk. 3) turns on, asked together. */
const YOUTH_INPUTS: ReadonlySet<InputName> = new Set([
  'age',
  'educationKind',
  'admittedRecently',
  'benefitAtAdmission',
  'hasVocationalEducation',
]);

/** Facts that only add information (not a right, a possibility or a refusal): a personal intake does not ask them. */
const INFO_ONLY: ReadonlySet<InputName> = new Set(['monthsWithMentor', 'mentorType', 'severalPersons']);

export const startIntake = (role: Role): IntakeOptions => ({ situation: { role }, skipped: [], introduced: false });

/**
 * The intake for a citizen or an employer: asks, one at a time, only what the rule module still needs for this
 * person (`openInputs`), skipping what earlier answers settle or what the person chose not to answer, and ends with
 * the summary. Each answer starts the loop again with the situation so far, so the dialog stack always holds the
 * whole intake and a restart of the server resumes it exactly. A plain waterfall in MainDialog's set, not a component,
 * so a command handled there can re-ask the active question directly.
 */
export class IntakeDialog extends WaterfallDialog {
  private readonly deps: DialogDeps;

  constructor(
    deps: DialogDeps,
    private readonly answerer: Answerer,
  ) {
    super(INTAKE_DIALOG);
    this.deps = checkDeps('IntakeDialog', deps);
    this.addStep(this.askStep.bind(this));
    this.addStep(this.recordStep.bind(this));
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as IntakeOptions;
    const lang = await languageOf(this.deps.profile, step.context);
    const role = options.situation.role;
    // Whether this turn gave the person's outcome already (then a summary right after it leaves the outcome out).
    let outcomeSaidNow = false;
    if (options.personal && !options.personal.answered) {
      // The person told us about themselves: answer for them first, then ask only what could still change that.
      options.personal.answered = true;
      const answer = personalAnswer(this.deps, options.situation, options.personal.said, lang);
      // An answer that rests on nothing they wrote would be the general one: then the article says it better.
      const plan =
        answer?.fromTheirWords || options.personal.articleShown
          ? null
          : this.answerer.plan(options.personal.question, lang, [], role);
      if (plan?.kind === 'article') {
        await step.context.sendActivities(plan.activities);
      } else if (answer && (answer.fromTheirWords || !options.personal.articleShown)) {
        // Written for somebody else ("min søn"): say first that "du" means that person, then their outcome.
        if (options.personal.aboutOther) {
          await step.context.sendActivity(this.deps.replies.message(lang, 'personal.aboutOther'));
          options.personal.aboutOtherSaid = true;
        }
        await step.context.sendActivity(answer.activity);
        options.personal.right = answer.outcomes.some((o) => o.kind === 'right');
        outcomeSaidNow = true;
      }
    }
    if (!options.introduced) {
      options.introduced = true;
      await step.context.sendActivity(
        this.deps.replies.message(lang, role === 'employer' ? 'ask.employerIntro' : 'ask.citizenIntro'),
      );
    }
    const next = options.personal?.right ? undefined : this.nextInput(options);
    if (!next) {
      // After a personal answer that found a right, or one given in this same turn, the summary leaves the outcome
      // out: it was just said.
      const result = summary(this.deps, this.answerer, options.situation, lang, {
        leadSaid: options.personal?.right === true || outcomeSaidNow,
      });
      const chat = await this.deps.chat.get(step.context, newChatData());
      chat.offers = result.offers;
      await step.context.sendActivities(result.activities);
      this.deps.record?.({ type: 'path', path: role, stage: 'completed' });
      return step.endDialog(INTAKE_DONE);
    }
    if (options.personal && !options.personal.asked) {
      options.personal.asked = true;
      // "Det kan du søge om" just said, while the questions to come may still find a right: say so, so nobody stops
      // reading at the first answer.
      const mayRight =
        outcomeSaidNow &&
        !options.personal.right &&
        this.deps.kb.assessor.youthRightStillOpen(options.situation, this.deps.today());
      await step.context.sendActivity(
        this.deps.replies.message(lang, mayRight ? 'personal.moreMayRight' : 'personal.more'),
      );
      if (options.personal.aboutOther && !options.personal.aboutOtherSaid)
        await step.context.sendActivity(this.deps.replies.message(lang, 'personal.aboutOther'));
    }
    return step.beginDialog(ASK_DIALOG, { kind: 'input', input: next, role } satisfies AskOptions);
  }

  /**
   * The next fact to ask: the rule module's order (openInputs), with the discharge question put right after the
   * situation and benefit when a discharge could give this person a right (it is never asked otherwise). A personal
   * intake leaves out facts that only add information.
   */
  private nextInput(options: IntakeOptions): AskableInput | undefined {
    const s = options.situation;
    const open = openInputs(s).filter((i) => !options.skipped.includes(i) && !(options.personal && INFO_ONLY.has(i)));
    const discharge =
      s.role === 'citizen' &&
      s.psychiatricDischarge === undefined &&
      !options.skipped.includes('psychiatricDischarge') &&
      // A benefit alone can put someone in the target groups (førtidspension, LAB § 6, nr. 11), when the situation was
      // skipped.
      (s.situation !== undefined || s.benefit !== undefined) &&
      this.deps.kb.assessor.couldGiveRight(s, { psychiatricDischarge: true }, this.deps.today());
    // Someone who wrote about starting an education hears its questions first; the discharge question can wait.
    const aboutEducation = s.admittedToEducation === true && open.some((i) => YOUTH_INPUTS.has(i));
    if (discharge && !aboutEducation && !open.includes('situation') && !open.includes('benefit'))
      return 'psychiatricDischarge';
    if (aboutEducation) return open.find((i) => YOUTH_INPUTS.has(i));
    return open[0];
  }

  private async recordStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as IntakeOptions;
    const result = step.result as AskResult;
    const situation: Situation = { ...options.situation };
    const skipped = [...options.skipped];
    const set = (name: string, value: unknown) => ((situation as unknown as Record<string, unknown>)[name] = value);
    if (result.kind === 'value' || result.kind === 'facts') {
      // Other facts named in the same message fill in, or correct ("nej, jeg er sygemeldt, ikke ledig"), the others.
      const corrected = changedFacts(situation, result.facts ?? {});
      for (const [name, value] of Object.entries(result.facts ?? {})) set(name, value);
      if (result.kind === 'value') set(result.input, result.value);
      // A message that does not answer the question but tells something else ("nej vent, jeg er faktisk ledig") is
      // acknowledged in the person's own words before the question comes again, so they see it was taken.
      if (result.kind === 'facts' || corrected.length > 0) {
        const names = result.kind === 'facts' ? (Object.keys(result.facts) as (keyof Facts)[]) : corrected;
        const words = wordsFor(names, result.said ?? {});
        const lang = await languageOf(this.deps.profile, step.context);
        if (words)
          await step.context.sendActivity(
            this.deps.replies.message(lang, corrected.length > 0 ? 'ask.corrected' : 'ask.noted', { words }),
          );
      }
    } else if (result.kind === 'skipped') {
      skipped.push(result.input);
    }
    // Kept beside the dialog stack too, so a caseworker gets the answers if the person asks for one mid-intake.
    (await this.deps.chat.get(step.context, newChatData())).situation = situation;
    const personal = options.personal
      ? { ...options.personal, said: { ...options.personal.said, ...('said' in result ? result.said : {}) } }
      : undefined;
    return step.replaceDialog(INTAKE_DIALOG, {
      situation,
      skipped,
      introduced: true,
      ...(personal ? { personal } : {}),
    } satisfies IntakeOptions);
  }
}
