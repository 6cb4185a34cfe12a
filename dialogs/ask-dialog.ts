import type { Role } from '../knowledge/rules/inputs.js';
import type { Lang } from '../knowledge/search/normalise.js';
import { type AnswerPlan, type Answerer, SEARCHED_CHARS } from './answers.js';
import { commandKey, sameLabel } from './commands.js';
import { isDontKnow } from './input/index.js';
import { type DialogDeps, checkDeps } from './deps.js';
import type { AskableInput, IntakeQuestions } from './intake/questions.js';
import { type Activity, ActivityTypes, Dialog, type DialogContext, type DialogTurnResult } from './sdk.js';
import { newChatData, newProfile } from './state.js';
import type { TemplateKey } from './template-keys.js';

export const ASK_DIALOG = 'ask';

/** What to ask: an intake input, or free text (a question or a menu choice) with a prompt and buttons. */
export type AskOptions =
  | { kind: 'input'; input: AskableInput; role: Role }
  | { kind: 'free'; prompt: TemplateKey; buttons: TemplateKey[]; data?: Record<string, string>; silent?: boolean };

/** What the person answered. */
export type AskResult =
  | { kind: 'value'; input: AskableInput; value: unknown; text: string }
  | { kind: 'skipped'; input: AskableInput }
  | { kind: 'text'; text: string };

const WHY: ReadonlySet<string> = new Set(
  ['hvorfor', 'hvorfor det', 'hvorfor spørger du', 'hvorfor spørger du om det', 'hvorfor vil du vide det', 'why', 'why do you ask', 'why is that'].map(commandKey),
);

const QUESTION_START = /^(hv\w*|kan|må|skal|er|har|får|bliver|gælder|what|how|who|when|where|why|can|do|does|is|are|will)(?=[\s,.!?]|$)/iu;

/** A question rather than an answer: ends with "?" or starts like one, and is more than a few words long. */
export function looksLikeQuestion(text: string): boolean {
  const words = text.trim().split(/\s+/u);
  return words.length >= 4 && (/\?\s*$/u.test(text) || QUESTION_START.test(text.trim()));
}

/**
 * Asks one thing and waits for the answer. While waiting it also handles what people do instead of answering:
 * "Hvorfor spørger du?" (answered from the rule module), "ved ikke" (the question is skipped), a question about
 * something else (answered from the knowledge base, then the question is asked again), and an answer it cannot
 * read (says what it needs and asks again). Commands that work everywhere are handled before this, by MainDialog.
 */
export class AskDialog extends Dialog<AskOptions> {
  private readonly deps: DialogDeps;

  constructor(
    deps: DialogDeps,
    private readonly questions: IntakeQuestions,
    private readonly answerer: Answerer,
  ) {
    super(ASK_DIALOG);
    this.deps = checkDeps('AskDialog', deps);
  }

  override async beginDialog(dc: DialogContext, options?: AskOptions): Promise<DialogTurnResult> {
    if (!options) throw new Error('AskDialog needs options');
    dc.activeDialog!.state.options = options;
    // Silent: the last reply already asks (its "Mente du ...?" buttons must stay the last ones shown).
    if (options.kind === 'input' || !options.silent) await this.ask(dc, options);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: DialogContext['context'], instance: { state: { options: AskOptions } }): Promise<void> {
    const lang = await this.lang(context);
    await context.sendActivity(this.questionActivity(instance.state.options, lang));
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    if (activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const options = dc.activeDialog!.state.options as AskOptions;
    const lang = await this.lang(dc.context);
    const text = (activity.text ?? '').trim();
    const send = (key: TemplateKey) => dc.context.sendActivity(this.deps.replies.message(lang, key));

    if (text === '') {
      await send('input.noText');
      await this.ask(dc, options);
      return Dialog.EndOfTurn;
    }
    if (options.kind === 'free') return dc.endDialog({ kind: 'text', text } satisfies AskResult);

    const input = options.input;
    if (WHY.has(commandKey(text)) || sameLabel(text, this.deps.replies.text(lang, 'buttons.why'))) {
      const why = this.deps.kb.assessor.why(input)[lang];
      await dc.context.sendActivity(this.deps.replies.message(lang, 'ask.why', { why }));
      await this.ask(dc, options);
      return Dialog.EndOfTurn;
    }
    if (isDontKnow(text, lang) || sameLabel(text, this.deps.replies.text(lang, 'buttons.dontKnow'))) {
      await send('ask.skipped');
      return dc.endDialog({ kind: 'skipped', input } satisfies AskResult);
    }
    // A pressed article button, or something that reads as a question, is answered first: a question such as
    // "hvad hvis jeg starter på en uddannelse?" names a choice but is not an answer.
    const chat = await this.deps.chat.get(dc.context, newChatData());
    const audience = options.role === 'employer' ? 'employer' : 'citizen';
    const pressedOffer = chat.offers.some((o) => sameLabel(text, o.label));
    const plan = pressedOffer || looksLikeQuestion(text) ? this.answerer.plan(text, lang, chat.offers, audience) : null;
    if (plan && plan.kind !== 'none') return this.answerThenAskAgain(dc, options, plan);

    const reading = this.questions.read(input, text.slice(0, SEARCHED_CHARS), lang);
    if (reading.ok) return dc.endDialog({ kind: 'value', input, value: reading.value, text } satisfies AskResult);
    if (!reading.answered) {
      // Not an answer: maybe a question about something else.
      const other = plan ?? this.answerer.plan(text, lang, chat.offers, audience);
      if (other.kind !== 'none') return this.answerThenAskAgain(dc, options, other);
    }
    // A question nobody could answer is counted for the operators; a wrong answer ("blåbær" for an age) is not.
    if (plan && looksLikeQuestion(text)) this.answerer.record(plan, text, chat);
    await send(reading.problem);
    await this.ask(dc, options);
    return Dialog.EndOfTurn;
  }

  private async answerThenAskAgain(dc: DialogContext, options: AskOptions, plan: AnswerPlan): Promise<DialogTurnResult> {
    const lang = await this.lang(dc.context);
    const chat = await this.deps.chat.get(dc.context, newChatData());
    this.answerer.record(plan, dc.context.activity.text ?? '', chat);
    chat.offers = plan.offers;
    await dc.context.sendActivities(plan.activities);
    // "Mente du ...?" waits for a choice; its buttons must stay the last ones shown. The question comes after.
    if (plan.kind === 'ambiguous') return Dialog.EndOfTurn;
    await dc.context.sendActivity(this.deps.replies.message(lang, 'ask.resume'));
    await this.ask(dc, options);
    return Dialog.EndOfTurn;
  }

  private async lang(context: DialogContext['context']): Promise<Lang> {
    return (await this.deps.profile.get(context, newProfile())).lang;
  }

  private async ask(dc: DialogContext, options: AskOptions): Promise<void> {
    await dc.context.sendActivity(this.questionActivity(options, await this.lang(dc.context)));
  }

  private questionActivity(options: AskOptions, lang: Lang): Partial<Activity> {
    const { replies } = this.deps;
    if (options.kind === 'free') {
      const buttons = options.buttons.map((k) => replies.text(lang, k));
      return replies.message(lang, options.prompt, options.data ?? {}, buttons);
    }
    const q = this.questions.question(options.input, lang);
    return replies.plain(lang, q.text, q.buttons);
  }
}
