import { type InputName, type Role, type Situation, openInputs } from '../../knowledge/rules/inputs.js';
import type { Answerer } from '../answers.js';
import { ASK_DIALOG, type AskOptions, type AskResult } from '../ask-dialog.js';
import { type DialogDeps, checkDeps } from '../deps.js';
import { type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from '../sdk.js';
import { newChatData, newProfile } from '../state.js';
import type { AskableInput, IntakeQuestions } from './questions.js';
import { summary } from './summary.js';

export const INTAKE_DIALOG = 'intake';
/** What an intake ends with: its summary has been sent. */
export const INTAKE_DONE = 'intakeDone';

/** Where an intake is: what the person has said, what they chose to skip, and whether the intro was shown. */
export interface IntakeOptions {
  situation: Situation;
  skipped: InputName[];
  introduced: boolean;
}

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
    private readonly questions: IntakeQuestions,
    private readonly answerer: Answerer,
  ) {
    super(INTAKE_DIALOG);
    this.deps = checkDeps('IntakeDialog', deps);
    this.addStep(this.askStep.bind(this));
    this.addStep(this.recordStep.bind(this));
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as IntakeOptions;
    const { lang } = await this.deps.profile.get(step.context, newProfile());
    const role = options.situation.role;
    if (!options.introduced) {
      options.introduced = true;
      await step.context.sendActivity(this.deps.replies.message(lang, role === 'employer' ? 'ask.employerIntro' : 'ask.citizenIntro'));
    }
    const next = openInputs(options.situation).find((i) => !options.skipped.includes(i) && i !== 'psychiatricDischarge');
    if (!next) {
      const result = summary(this.deps, this.answerer, options.situation, lang);
      const chat = await this.deps.chat.get(step.context, newChatData());
      chat.offers = result.offers;
      await step.context.sendActivities(result.activities);
      this.deps.record?.({ type: 'path', path: role, stage: 'completed' });
      return step.endDialog(INTAKE_DONE);
    }
    return step.beginDialog(ASK_DIALOG, { kind: 'input', input: next as AskableInput, role } satisfies AskOptions);
  }

  private async recordStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = step.options as IntakeOptions;
    const result = step.result as AskResult;
    const situation: Situation = { ...options.situation };
    const skipped = [...options.skipped];
    if (result.kind === 'value') {
      // Other facts named in the same answer fill in what is still unknown.
      if (situation.role === 'citizen' && (situation.situation === undefined || situation.benefit === undefined)) {
        for (const [name, value] of Object.entries(this.questions.extract(result.text))) {
          const key = name as 'situation' | 'benefit';
          if (situation[key] === undefined && key !== result.input) (situation as unknown as Record<string, unknown>)[key] = value;
        }
      }
      (situation as unknown as Record<string, unknown>)[result.input] = result.value;
    } else if (result.kind === 'skipped') {
      skipped.push(result.input);
    }
    // Kept beside the dialog stack too, so a caseworker gets the answers if the person asks for one mid-intake.
    (await this.deps.chat.get(step.context, newChatData())).situation = situation;
    return step.replaceDialog(INTAKE_DIALOG, { situation, skipped, introduced: true } satisfies IntakeOptions);
  }
}
