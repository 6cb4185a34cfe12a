import { type AnswerKind, Answerer } from './answers.js';
import { ASK_DIALOG, AskDialog, type AskOptions, type AskResult, askAgainInFull } from './ask-dialog.js';
import { type Command, sameLabel, tellsOfDistress } from './commands.js';
import { HANDOFF_DIALOG, HANDOFF_DONE, HandoffDialogs, isHandoffDialog } from './handoff-dialog.js';
import { type DialogDeps, checkDeps, common } from './deps.js';
import { contactActivity } from './contact.js';
import { INTAKE_DIALOG, INTAKE_DONE, IntakeDialog, startIntake } from './intake/intake-dialog.js';
import { ESTIMATE_DIALOG, ESTIMATE_DONE, EstimateDialog } from './estimate-dialog.js';
import { IntakeQuestions } from './intake/questions.js';
import {
  ActivityTypes,
  ComponentDialog,
  type DialogContext,
  type DialogTurnResult,
  DialogTurnStatus,
  WaterfallDialog,
  type WaterfallStepContext,
} from './sdk.js';
import { languageOf, newChatData, newProfile } from './state.js';
import { changedFacts, factsFor, hasRuleFacts, readMessage, wordsFor } from './understand.js';
import { contactFreeText, keepReading, readingOf } from './turn-reading.js';
import type { Role, Situation } from '../knowledge/rules/inputs.js';
import type { IntakeOptions } from './intake/intake-dialog.js';
import type { AskableInput } from './intake/questions.js';
import type { TemplateKey } from './template-keys.js';

export const MAIN_DIALOG = 'main';
const MENU_STEPS = 'menuSteps';
const QUESTION_STEPS = 'questionSteps';

type Route = 'citizen' | 'employer' | 'question' | 'human' | 'estimate';

interface MenuOptions {
  /** The menu is shown again after a path or an answer ("Hvad vil du nu?"), not for the first time. */
  again?: boolean;
  /** Go straight to a path (a path button pressed somewhere else in the conversation). */
  route?: Route;
  /** The last reply already asks something ("Mente du ...?"); do not send the menu text over its buttons. */
  silent?: boolean;
}

const MENU_BUTTONS: TemplateKey[] = [
  'buttons.citizen',
  'buttons.employer',
  'buttons.question',
  'buttons.human',
  'buttons.language',
];
const MORE_BUTTONS: TemplateKey[] = ['buttons.citizen', 'buttons.employer', 'buttons.human', 'buttons.menu'];
/**
 * Kinds of question that belong to the employer's question whether they can get support: what it covers, what it
 * costs, and the mentor's work against the usual introduction.
 */
const EMPLOYER_ELIGIBILITY_KINDS: ReadonlySet<string> = new Set(['coverage', 'cost', 'usualIntro']);

/**
 * The whole conversation: the welcome and main menu, the citizen and employer intakes, and free questions. It also
 * handles, at any point, the words that always work ("hjælp", "start forfra", "stop", "english"/"dansk", "tal med en
 * medarbejder") and the path buttons, before the active question sees the message.
 */
export class MainDialog extends ComponentDialog {
  private readonly deps: DialogDeps;
  private readonly answerer: Answerer;
  private readonly questions: IntakeQuestions;

  constructor(deps: DialogDeps) {
    super(MAIN_DIALOG);
    this.deps = checkDeps('MainDialog', deps);
    this.answerer = new Answerer(deps);
    const questions = new IntakeQuestions(deps.replies, deps.kb.lexicon, deps.today);
    this.questions = questions;
    this.addDialog(new AskDialog(deps, questions, this.answerer));
    for (const d of new HandoffDialogs(deps, questions).dialogs()) this.addDialog(d);
    this.addDialog(new IntakeDialog(deps, this.answerer));
    this.addDialog(new EstimateDialog(deps));
    this.addDialog(
      new WaterfallDialog(MENU_STEPS, [this.menuStep.bind(this), this.routeStep.bind(this), this.againStep.bind(this)]),
    );
    this.addDialog(
      new WaterfallDialog(QUESTION_STEPS, [this.questionPromptStep.bind(this), this.questionAnswerStep.bind(this)]),
    );
    this.initialDialogId = MENU_STEPS;
  }

  /**
   * Every message is read once, here, before any dialog sees it: knowing the question the bot asked, so "36" is an age
   * when the bot asked for one. A command is carried out at once; a message clearly in the other language switches
   * the language (until the person chooses one); everything else goes to the active dialog with the reading.
   */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const activity = innerDc.context.activity;
    if (activity.type === ActivityTypes.Message) {
      const profile = await this.deps.profile.get(innerDc.context, newProfile());
      // Read without phone numbers and e-mail addresses (the handoff still gets the message as written).
      const withoutContact = contactFreeText(innerDc.context);
      const reading = readMessage(this.deps.kb, this.questions, withoutContact ?? activity.text ?? '', {
        lang: profile.lang,
        date: this.deps.today(),
        ...pendingOf(innerDc),
      });
      keepReading(innerDc.context, reading);
      // Asking for a person while already on the way to one is an answer to the handoff's own questions.
      const onWayToPerson = reading.command === 'human' && innerDc.stack.some((d) => isHandoffDialog(d.id));
      // A number or address given outside the handoff is kept nowhere: say so, and how to be called instead.
      if (withoutContact !== null && reading.command !== 'human' && !innerDc.stack.some((d) => isHandoffDialog(d.id)))
        await innerDc.context.sendActivity(this.deps.replies.message(profile.lang, 'input.contactNotKept'));
      if (reading.command && !onWayToPerson) return this.interrupt(innerDc, reading.command);
      // A story of a hard time is heard before it is answered (once in a conversation, not at every message).
      if (tellsOfDistress(activity.text ?? '')) {
        const chat = await this.deps.chat.get(innerDc.context, newChatData());
        if (!chat.distressHeard) {
          chat.distressHeard = true;
          await innerDc.context.sendActivity(this.deps.replies.message(profile.lang, 'heard'));
        }
      }
      if (reading.lang && reading.lang !== profile.lang && !profile.chosen) {
        profile.lang = reading.lang;
        await innerDc.context.sendActivity(this.deps.replies.message(profile.lang, 'language.detected'));
      }
    }
    return super.onContinueDialog(innerDc);
  }

  /** Handles a command wherever the conversation is. */
  private async interrupt(dc: DialogContext, command: Command): Promise<DialogTurnResult> {
    const { replies } = this.deps;
    const profile = await this.deps.profile.get(dc.context, newProfile());
    const say = (key: TemplateKey, data: object = {}) =>
      dc.context.sendActivity(replies.message(profile.lang, key, data));
    switch (command) {
      case 'help':
        await say('help');
        await dc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'lang-da':
      case 'lang-en':
        profile.lang = command === 'lang-da' ? 'da' : 'en';
        profile.chosen = true;
        await say('language.switched');
        askAgainInFull(dc.context);
        await dc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'human':
        if (this.deps.handoff) {
          // The answers so far are kept in the conversation data, so the caseworker still gets them.
          await dc.cancelAllDialogs();
          return dc.beginDialog(MENU_STEPS, { route: 'human' } satisfies MenuOptions);
        }
        await dc.context.sendActivity(contactActivity(this.deps, profile.lang));
        await dc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'restart': {
        await say('restart');
        // Starting over starts without a role: the menu speaks to "du" again, not to the employer's "I".
        (await this.deps.chat.get(dc.context, newChatData())).role = undefined;
        await dc.cancelAllDialogs();
        return dc.beginDialog(MENU_STEPS, { again: true } satisfies MenuOptions);
      }
      case 'menu':
        await dc.cancelAllDialogs();
        return dc.beginDialog(MENU_STEPS, { again: true } satisfies MenuOptions);
      case 'stop':
        await say('stop');
        await dc.cancelAllDialogs();
        return { status: DialogTurnStatus.complete };
      case 'citizen':
      case 'employer':
      case 'question':
      case 'estimate': {
        // The answer to "Spørger du som borger eller som arbejdsgiver?": answer the question that waited for it.
        const chat = await this.deps.chat.get(dc.context, newChatData());
        const waiting = chat.askedAudienceFor;
        chat.askedAudienceFor = undefined;
        if (waiting && (command === 'citizen' || command === 'employer')) {
          chat.role = command;
          const plan = this.answerer.plan(waiting, profile.lang, [], command);
          chat.offers = plan.offers;
          this.answerer.record(plan, waiting, chat);
          await dc.context.sendActivities(plan.activities);
          await dc.repromptDialog();
          return { status: DialogTurnStatus.waiting };
        }
        await dc.cancelAllDialogs();
        return dc.beginDialog(MENU_STEPS, { route: command } satisfies MenuOptions);
      }
      case 'thanks':
      case 'frustrated':
        // A thank-you or an outburst is not a question: answer it in kind, and ask again only a question that waits.
        if (command === 'thanks') await say(command);
        else
          await dc.context.sendActivity(
            replies.message(profile.lang, command, {}, [replies.text(profile.lang, 'buttons.human')]),
          );
        if (pendingOf(dc).pending) await dc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
      case 'crisis':
        // Someone in crisis gets the crisis lines, and no question of ours after them.
        await say('crisis');
        return { status: DialogTurnStatus.waiting };
      case 'deleteData': // handled by the bot before the dialogs; here only for completeness
      case 'greeting':
        // "Hej" in the middle of something: greet back by showing where we are.
        await dc.repromptDialog();
        return { status: DialogTurnStatus.waiting };
    }
  }

  private async menuStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as MenuOptions;
    if (options.route) return step.next({ kind: 'route', route: options.route });
    const chat = await this.deps.chat.get(step.context, newChatData());
    const profile = await this.deps.profile.get(step.context, newProfile());
    // Employers are "I".
    let prompt: TemplateKey = chat.role === 'employer' ? 'menu.againEmployer' : 'menu.again';
    if (!options.again) prompt = chat.welcomed ? 'welcomeBack' : 'welcome';
    chat.welcomed = true;
    return step.beginDialog(ASK_DIALOG, {
      kind: 'free',
      prompt,
      buttons: MENU_BUTTONS,
      data: common(this.deps, profile.lang),
      silent: options.silent === true,
    } satisfies AskOptions);
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as AskResult | { kind: 'route'; route: Route };
    if (result.kind === 'route') {
      if (result.route === 'estimate') {
        // The figures the person has already given (an estimate made from their words) are not asked again.
        const chat = await this.deps.chat.get(step.context, newChatData());
        return step.beginDialog(ESTIMATE_DIALOG, { cost: chat.lastCost ?? {} });
      }
      this.deps.record?.({ type: 'path', path: result.route, stage: 'started' });
      if (result.route === 'question') return step.beginDialog(QUESTION_STEPS, { first: true });
      if (result.route === 'human') return step.beginDialog(HANDOFF_DIALOG);
      (await this.deps.chat.get(step.context, newChatData())).role =
        result.route === 'employer' ? 'employer' : 'citizen';
      return step.beginDialog(INTAKE_DIALOG, startIntake(result.route));
    }
    if (result.kind === 'text') {
      const personal = await this.personalStart(step);
      if (personal) return step.beginDialog(INTAKE_DIALOG, personal);
    }
    const kind = result.kind === 'text' ? await this.answer(step, result.text) : null;
    return step.next(kind);
  }

  private async againStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    // After "Mente du ...?" or an intake's summary the last reply already asks, with its own buttons.
    const silent = ['ambiguous', 'offer', INTAKE_DONE, HANDOFF_DONE, ESTIMATE_DONE].includes(step.result as string);
    return step.replaceDialog(MENU_STEPS, { again: true, silent } satisfies MenuOptions);
  }

  private async questionPromptStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as { first?: boolean; silent?: boolean };
    return step.beginDialog(ASK_DIALOG, {
      kind: 'free',
      prompt: options.first ? 'answer.askQuestion' : 'answer.more',
      buttons: options.first ? [] : MORE_BUTTONS,
      silent: options.silent === true,
    } satisfies AskOptions);
  }

  private async questionAnswerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as AskResult;
    if (result.kind === 'text') {
      const personal = await this.personalStart(step);
      if (personal) return step.beginDialog(INTAKE_DIALOG, personal);
    }
    const kind = result.kind === 'text' ? await this.answer(step, result.text) : null;
    return step.replaceDialog(QUESTION_STEPS, { first: false, silent: kind === 'ambiguous' || kind === 'offer' });
  }

  /**
   * An intake that starts from the person's own words, when their message states facts the rules use and asks whether
   * they can get a mentor (or asks nothing in particular: a life story), or names a fact that can give a right (a
   * psychiatric discharge). A question of another kind ("hvor længe ...") is answered from the articles, with its
   * article first. Null: answer it as a question.
   */
  private async personalStart(step: WaterfallStepContext): Promise<IntakeOptions | null> {
    const reading = readingOf(step.context);
    if (!reading) return null;
    const chat = await this.deps.chat.get(step.context, newChatData());
    // A pressed article button opens its article.
    if (chat.offers.some((o) => sameLabel(reading.text, o.label))) return null;
    const role: Role | null =
      reading.role ??
      chat.role ??
      (hasRuleFacts('citizen', reading.facts)
        ? 'citizen'
        : hasRuleFacts('employer', reading.facts)
          ? 'employer'
          : null);
    if (!role) return null;
    const specific = reading.kinds.filter((k) => k !== 'eligibility' && k !== 'whatIs');
    const rightFact = reading.facts.psychiatricDischarge === true;
    // An employer who asks what they can get ("hvad kan vi få?") asks the employer's eligibility question.
    // So does one who tells what their mentor would do, measured against their usual introduction ("alle nye går føl").
    const employerAsks =
      role === 'employer' &&
      (reading.kinds.some((k) => k === 'coverage' || k === 'cost') ||
        (reading.kinds.includes('usualIntro') && reading.facts.supportBeyondUsual !== undefined)) &&
      !reading.kinds.includes('amount');
    if (!hasRuleFacts(role, reading.facts)) {
      // Who they are, and that they ask whether they can get a mentor, is enough to start: the rest is asked.
      if (!(
        reading.role &&
        (reading.kinds.includes('eligibility') || employerAsks) &&
        specific.every((k) => EMPLOYER_ELIGIBILITY_KINDS.has(k))
      ))
        return null;
    } else if (!(reading.kinds.includes('eligibility') || employerAsks || specific.length === 0 || rightFact))
      return null;
    let articleShown = false;
    if (specific.length > 0) {
      // "Kan jeg få en mentor, og hvad koster det?": the article for the other part first.
      const lang = await languageOf(this.deps.profile, step.context);
      const plan = this.answerer.plan(reading.text, lang, chat.offers, role, reading);
      if (plan.kind === 'article') await step.context.sendActivities(plan.activities);
      articleShown = plan.kind === 'article';
      this.answerer.remember(plan, chat);
    }
    chat.role = role;
    const earlier = chat.situation?.role === role ? chat.situation : {};
    const stated = factsFor(role, reading.facts);
    const known = { ...earlier, role, ...stated } as Situation;
    chat.situation = known;
    // A correction of what they told us before ("nej vent, jeg er faktisk ledig"): said so, and then the summary for
    // the corrected situation (or the questions it opens) rather than a second answer beside it.
    const corrected = changedFacts(earlier, stated);
    const words = wordsFor(corrected, reading.said);
    if (words) {
      const lang = await languageOf(this.deps.profile, step.context);
      await step.context.sendActivity(this.deps.replies.message(lang, 'ask.corrected', { words }));
    }
    this.deps.record?.({ type: 'path', path: role, stage: 'started' });
    return {
      situation: known,
      skipped: [],
      introduced: true,
      personal: {
        said: reading.said,
        question: reading.text,
        answered: corrected.length > 0,
        right: false,
        articleShown,
        aboutOther: reading.aboutOther,
      },
    };
  }

  /**
   * Answers a free-text question and remembers the buttons it offered. The second question in a row it cannot
   * answer gets an offer to talk to a caseworker instead ("offer").
   */
  private async answer(step: WaterfallStepContext, written: string): Promise<AnswerKind | 'offer' | null> {
    // A phone number or an e-mail address is no part of the question.
    const text = contactFreeText(step.context)?.trim() ?? written;
    const chat = await this.deps.chat.get(step.context, newChatData());
    const lang = await languageOf(this.deps.profile, step.context);
    if (sameLabel(text, this.deps.replies.text(lang, 'buttons.noThanks'))) return null;
    const reading = readingOf(step.context);
    const plan = this.answerer.plan(text, lang, chat.offers, chat.role, reading ?? undefined, chat.lastCost);
    this.answerer.record(plan, text, chat);
    chat.offers = plan.offers;
    chat.askedAudienceFor = plan.askedAudienceFor;
    chat.misses = plan.kind === 'none' ? (chat.misses ?? 0) + 1 : 0;
    if (plan.kind === 'none' && chat.misses >= 2 && this.deps.handoff) {
      chat.misses = 0;
      const buttons = [this.deps.replies.text(lang, 'buttons.human'), this.deps.replies.text(lang, 'buttons.noThanks')];
      await step.context.sendActivity(this.deps.replies.message(lang, 'handoff.offer', {}, buttons));
      return 'offer';
    }
    await step.context.sendActivities(plan.activities);
    return plan.kind;
  }
}

/** The fact the active question asks for, when the innermost dialog is an intake question. */
function pendingOf(dc: DialogContext): { pending?: AskableInput } {
  const active = dc.activeDialog;
  const options = active?.id === ASK_DIALOG ? (active.state.options as AskOptions | undefined) : undefined;
  return options?.kind === 'input' ? { pending: options.input } : {};
}
