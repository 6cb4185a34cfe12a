import type { Situation } from '../knowledge/rules/inputs.js';
import type { Lang } from '../knowledge/search/normalise.js';
import { ASK_DIALOG, type AskOptions, type AskResult } from './ask-dialog.js';
import { sameLabel } from './commands.js';
import { type CaseSummary, type DialogDeps, type HandoffPort, checkDeps, contactView } from './deps.js';
import { contactActivity } from './contact.js';
import { parsePhone, parseYesNo } from './input/index.js';
import type { AskableInput, IntakeQuestions } from './intake/questions.js';
import { type DialogTurnResult, WaterfallDialog, type WaterfallStepContext } from './sdk.js';
import { languageOf, newChatData } from './state.js';
import type { TemplateKey } from './template-keys.js';

export const HANDOFF_DIALOG = 'handoff';
export const CALLBACK_DIALOG = 'handoffCallback';
const PHONE_DIALOG = 'handoffPhone';
/** What the handoff dialogs end with when their last message already says what happens next. */
export const HANDOFF_DONE = 'handoffDone';

/** Whether a dialog id is one of the handoff's (the way to a person, the call-back offer, the phone number). */
export const isHandoffDialog = (id: string): boolean => [HANDOFF_DIALOG, CALLBACK_DIALOG, PHONE_DIALOG].includes(id);

const free = (prompt: TemplateKey, buttons: TemplateKey[] = [], data: Record<string, string> = {}): AskOptions => ({
  kind: 'free',
  prompt,
  buttons,
  data,
});

/**
 * Talking to a person. In opening hours: asks for consent to share the conversation (and says what is shared), asks
 * what the person wants help with, and puts the conversation in the caseworkers' queue. Outside them: offers a
 * call-back, and asks for a phone number only after saying what it is used for and when it is deleted. Without a
 * caseworkers' channel it says how to reach the municipality instead.
 */
export class HandoffDialogs {
  private readonly deps: DialogDeps;

  constructor(
    deps: DialogDeps,
    private readonly questions: IntakeQuestions,
  ) {
    this.deps = checkDeps('HandoffDialogs', deps);
  }

  dialogs(): WaterfallDialog[] {
    return [
      new WaterfallDialog(HANDOFF_DIALOG, [
        this.consentStep.bind(this),
        this.questionStep.bind(this),
        this.queueStep.bind(this),
      ]),
      new WaterfallDialog(CALLBACK_DIALOG, [this.offerCallStep.bind(this), this.callAnswerStep.bind(this)]),
      new WaterfallDialog(PHONE_DIALOG, [this.phoneStep.bind(this), this.phoneAnswerStep.bind(this)]),
    ];
  }

  private async lang(step: WaterfallStepContext): Promise<Lang> {
    return languageOf(this.deps.profile, step.context);
  }

  private port(): HandoffPort | undefined {
    return this.deps.handoff;
  }

  private async consentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const lang = await this.lang(step);
    const port = this.port();
    if (!port) {
      await step.context.sendActivity(contactActivity(this.deps, lang));
      return step.endDialog();
    }
    if (!port.availability().open) return step.replaceDialog(CALLBACK_DIALOG);
    return step.beginDialog(
      ASK_DIALOG,
      free('handoff.consent', ['buttons.share', 'buttons.noThanks'], {
        municipality: contactView(this.deps, lang).municipality,
      }),
    );
  }

  private async questionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const lang = await this.lang(step);
    const text = (step.result as AskResult & { kind: 'text' }).text;
    const yes = sameLabel(text, this.deps.replies.text(lang, 'buttons.share')) || parseYesNo(text, lang) === true;
    if (!yes) return this.declined(step, lang);
    return step.beginDialog(ASK_DIALOG, free('handoff.askQuestion'));
  }

  private async queueStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const lang = await this.lang(step);
    const question = (step.result as AskResult & { kind: 'text' }).text;
    const { delivered } = await this.port()!.request(step.context, {
      lang,
      question,
      summary: await this.summary(step, lang),
      callbackPhone: null,
    });
    await step.context.sendActivity(this.deps.replies.message(lang, delivered ? 'handoff.queued' : 'handoff.saved'));
    return step.endDialog(HANDOFF_DONE);
  }

  private async offerCallStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const lang = await this.lang(step);
    const availability = this.port()!.availability();
    const when = { hours: availability.hours[lang], next: availability.next[lang] ?? '' };
    return step.beginDialog(ASK_DIALOG, free('handoff.closed', ['buttons.callMe', 'buttons.noThanks'], when));
  }

  private async callAnswerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const lang = await this.lang(step);
    const text = (step.result as AskResult & { kind: 'text' }).text;
    const yes =
      sameLabel(text, this.deps.replies.text(lang, 'buttons.callMe')) ||
      parseYesNo(text, lang) === true ||
      parsePhone(text) !== null;
    if (!yes) return this.declined(step, lang);
    return step.replaceDialog(PHONE_DIALOG, { number: parsePhone(text) });
  }

  private async phoneStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const given = (step.options as { number?: string | null } | undefined)?.number;
    if (given) return step.next({ kind: 'text', text: given } satisfies AskResult);
    const days = String(this.port()!.availability().callbackDays);
    return step.beginDialog(ASK_DIALOG, free('handoff.askPhone', ['buttons.noThanks'], { days }));
  }

  private async phoneAnswerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const lang = await this.lang(step);
    const text = (step.result as AskResult & { kind: 'text' }).text;
    const phone = parsePhone(text);
    if (!phone) {
      if (sameLabel(text, this.deps.replies.text(lang, 'buttons.noThanks')) || parseYesNo(text, lang) === false)
        return this.declined(step, lang);
      await step.context.sendActivity(this.deps.replies.message(lang, 'handoff.badPhone'));
      return step.replaceDialog(PHONE_DIALOG, {});
    }
    const port = this.port()!;
    await port.request(step.context, {
      lang,
      question: '',
      summary: await this.summary(step, lang),
      callbackPhone: phone,
    });
    const availability = port.availability();
    await step.context.sendActivity(
      this.deps.replies.message(lang, 'handoff.callbackConfirmed', {
        hours: availability.hours[lang],
        next: availability.next[lang] ?? '',
      }),
    );
    return step.endDialog(HANDOFF_DONE);
  }

  private async declined(step: WaterfallStepContext, lang: Lang): Promise<DialogTurnResult> {
    await step.context.sendActivity(this.deps.replies.message(lang, 'handoff.noConsent'));
    await step.context.sendActivity(contactActivity(this.deps, lang));
    return step.endDialog();
  }

  /** The answers so far and what the rule module makes of them, in Danish, for the caseworker. */
  private async summary(step: WaterfallStepContext, _lang: Lang): Promise<CaseSummary> {
    const situation: Situation | undefined = (await this.deps.chat.get(step.context, newChatData())).situation;
    if (!situation) return { situation: [], outcomes: [] };
    const { replies } = this.deps;
    const lines = [
      {
        label: 'Hvem',
        value: replies.text('da', situation.role === 'employer' ? 'buttons.employer' : 'buttons.citizen'),
      },
    ];
    for (const [input, value] of Object.entries(situation)) {
      if (input === 'role' || value === undefined || input === 'psychiatricDischarge') continue;
      lines.push({
        label: replies.text('da', `ask.${input}` as TemplateKey),
        value: this.questions.answerLabel(input as AskableInput, value, 'da'),
      });
    }
    const outcomes = this.deps.kb.assessor.assess(situation, this.deps.today()).outcomes.map((o) => ({
      text: o.text,
      citations: o.citations.map((c) => ({ label: c.label, url: c.url })),
    }));
    return { situation: lines, outcomes };
  }
}
