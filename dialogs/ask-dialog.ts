import type { Role } from '../knowledge/rules/inputs.js';
import type { Lang } from '../knowledge/search/normalise.js';
import type { AnswerPlan, Answerer } from './answers.js';
import { commandKey, sameLabel } from './commands.js';
import { isDecline, isDontKnow } from './input/index.js';
import { type DialogDeps, checkDeps } from './deps.js';
import type { AskableInput, IntakeQuestions } from './intake/questions.js';
import { type Activity, ActivityTypes, Dialog, type DialogContext, type DialogTurnResult } from './sdk.js';
import { languageOf, newChatData } from './state.js';
import type { TemplateKey } from './template-keys.js';
import { type Facts, type Said, factsFor } from './understand.js';
import { contactFreeText, readingOf } from './turn-reading.js';

export const ASK_DIALOG = 'ask';

/** Turn-state key: this turn's reprompt repeats the welcome in full (see `askAgainInFull`). */
const IN_FULL = Symbol('askAgainInFull');

/** The next reprompt of this turn asks in full, the welcome too: the person has just switched language. */
export function askAgainInFull(context: DialogContext['context']): void {
  context.turnState.set(IN_FULL, true);
}

/** What to ask: an intake input, or free text (a question or a menu choice) with a prompt and buttons. */
export type AskOptions =
  | { kind: 'input'; input: AskableInput; role: Role; page?: number }
  | { kind: 'free'; prompt: TemplateKey; buttons: TemplateKey[]; data?: Record<string, string>; silent?: boolean };

/**
 * What the person answered: the asked fact (`value`) and any other facts the same message gave (`facts`, which may
 * also correct earlier answers), or that they skip the question, or free text.
 */
export type AskResult =
  | { kind: 'value'; input: AskableInput; value: unknown; text: string; facts?: Facts; said?: Said }
  | { kind: 'facts'; input: AskableInput; facts: Facts; said: Said; text: string }
  | { kind: 'skipped'; input: AskableInput }
  | { kind: 'text'; text: string };

const WHY: ReadonlySet<string> = new Set(
  [
    'hvorfor',
    'hvorfor det',
    'hvorfor spørger du',
    'hvorfor spørger du om det',
    'hvorfor vil du vide det',
    'why',
    'why do you ask',
    'why is that',
    // "What do you mean?" about the question itself: its explanation says what it asks and why.
    'hvad betyder det',
    'hvad mener du',
    'hvad mener du med det',
    'det forstår jeg ikke',
    'forstår ikke spørgsmålet',
    'jeg forstår ikke spørgsmålet',
    'what does that mean',
    'what do you mean',
    'i dont understand the question',
  ].map(commandKey),
);

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

  override async repromptDialog(
    context: DialogContext['context'],
    instance: { state: { options: AskOptions } },
  ): Promise<void> {
    const lang = await this.lang(context);
    const options = instance.state.options;
    // The welcome asked once is enough: asked again (after the contact details, a greeting), the menu's short question;
    // in full only in a language the person has just chosen, who may not have read it.
    const again =
      options.kind === 'free' &&
      (options.prompt === 'welcome' || options.prompt === 'welcomeBack') &&
      context.turnState.get(IN_FULL) !== true
        ? { ...options, prompt: 'menu.again' as const }
        : options;
    await context.sendActivity(this.questionActivity(again, lang));
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const activity = dc.context.activity;
    if (activity.type !== ActivityTypes.Message) return Dialog.EndOfTurn;
    const options = dc.activeDialog!.state.options as AskOptions;
    const lang = await this.lang(dc.context);
    const written = (activity.text ?? '').trim();
    // A phone number or an e-mail address answers no question of ours (the handoff's free answers get it as written).
    const text = options.kind === 'free' ? written : (contactFreeText(dc.context)?.trim() ?? written);
    const send = (key: TemplateKey) => dc.context.sendActivity(this.deps.replies.message(lang, key));

    if (text === '') {
      // Only a number or an address: the person has been told it is not kept; the question comes again.
      if (written === '') await send('input.noText');
      await this.ask(dc, options);
      return Dialog.EndOfTurn;
    }
    if (options.kind === 'free') return dc.endDialog({ kind: 'text', text: written } satisfies AskResult);

    const input = options.input;
    if (WHY.has(commandKey(text)) || sameLabel(text, this.deps.replies.text(lang, 'buttons.why'))) {
      const why = this.deps.kb.assessor.why(input)[lang];
      await dc.context.sendActivity(this.deps.replies.message(lang, 'ask.why', { why }));
      await this.ask(dc, options);
      return Dialog.EndOfTurn;
    }
    if (sameLabel(text, this.deps.replies.text(lang, 'buttons.more'))) {
      // "Flere svar": the rest of a long list of choices.
      const next: AskOptions = { ...options, page: (options.page ?? 0) + 1 };
      dc.activeDialog!.state.options = next;
      await this.ask(dc, next);
      return Dialog.EndOfTurn;
    }
    // One reading of the message (MainDialog made it, knowing this question): the answer to the question, other facts
    // it states (several at once, or a correction), and whether it also asks something.
    const reading = readingOf(dc.context);
    // "ved ikke" is understood in English too: people mix the languages. An answer given with a doubt ("det er vist
    // sygedagpenge, jeg er ikke helt sikker") is an answer. A longer message that asks a question ("... jeg ved ikke
    // hvad jeg skal gøre. Hvor længe kan man have en mentor?") is a question, answered before the question comes again.
    const asksAtLength = reading?.asks === true && text.length > 40;
    if (
      sameLabel(text, this.deps.replies.text(lang, 'buttons.dontKnow')) ||
      ((isDontKnow(text, lang) || isDontKnow(text, 'da') || isDecline(text)) && !reading?.answer && !asksAtLength)
    ) {
      await send('ask.skipped');
      return dc.endDialog({ kind: 'skipped', input } satisfies AskResult);
    }
    const chat = await this.deps.chat.get(dc.context, newChatData());
    const audience = options.role === 'employer' ? 'employer' : 'citizen';
    const pressedOffer = chat.offers.some((o) => sameLabel(text, o.label));
    const others = reading ? factsFor(options.role, reading.facts) : {};
    delete (others as Record<string, unknown>)[input];
    const answer = pressedOffer ? null : (reading?.answer ?? null);
    if (answer || (!pressedOffer && Object.keys(others).length > 0)) {
      // An answer is an answer first; what the message asks besides is answered after it is taken.
      if (reading?.asks) {
        const plan = this.answerer.plan(text, lang, chat.offers, audience, reading);
        if (plan.kind === 'article') {
          this.answerer.record(plan, text, chat);
          chat.offers = plan.offers;
          await dc.context.sendActivities(plan.activities);
        }
      }
      const said = reading?.said ?? {};
      if (answer)
        return dc.endDialog({
          kind: 'value',
          input,
          value: answer.value,
          text,
          facts: others,
          said,
        } satisfies AskResult);
      return dc.endDialog({ kind: 'facts', input, facts: others, said, text } satisfies AskResult);
    }
    const plan = this.answerer.plan(text, lang, chat.offers, audience, reading ?? undefined);
    const reread = this.questions.read(input, text, lang);
    // A wrong answer ("-5" for an age) is an answer, not a question about something else.
    const clearlyAnswered = !reread.ok && reread.answered === true;
    if (plan.kind !== 'none' && (pressedOffer || reading?.asks || !clearlyAnswered))
      return this.answerThenAskAgain(dc, options, plan);
    // A question nobody could answer is counted for the operators; a wrong answer ("blåbær" for an age) is not.
    if (reading?.asks) this.answerer.record(plan, text, chat);
    await send(reread.ok ? 'ask.notUnderstood.choice' : reread.problem);
    await this.ask(dc, options);
    return Dialog.EndOfTurn;
  }

  private async answerThenAskAgain(
    dc: DialogContext,
    options: AskOptions,
    plan: AnswerPlan,
  ): Promise<DialogTurnResult> {
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
    return languageOf(this.deps.profile, context);
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
    const q = this.questions.question(options.input, lang, options.page ?? 0);
    // Which fact the question asks for, for clients (and test runners) that answer it by value rather than by text.
    return { ...replies.plain(lang, q.text, q.buttons), channelData: { mentorbot: { asking: options.input } } };
  }
}
