import { recogniseCommand } from '../dialogs/commands.js';
import type { DialogDeps } from '../dialogs/deps.js';
import { MAIN_DIALOG, type MainDialog } from '../dialogs/main-dialog.js';
import { DialogSet, DialogTurnStatus, type DialogState } from '../dialogs/sdk.js';
import { languageOf, newChatData, newProfile } from '../dialogs/state.js';
import { CPR_REMOVED } from './privacy/privacy-middleware.js';
import {
  DATA_DELETED,
  type Transcript,
  type TranscriptStore,
  carryOver,
  conversationKey,
  saveTranscript,
} from './transcript.js';
import {
  ActivityHandler,
  ActivityTypes,
  type ConversationState,
  type StatePropertyAccessor,
  type TurnContext,
  type UserState,
} from './sdk.js';

/** Messages longer than this are answered from their start, and the person is told so. */
export const MAX_MESSAGE_CHARS = 2000;

/**
 * The bot: starts the conversation with the welcome when a person joins (or writes first), passes every message to
 * the main dialog, and saves the state at the end of each turn. What to say is decided in dialogs/.
 */
/** What the bot needs from the handoff: to route a citizen's turn to a caseworker, and to handle Teams. */
export interface HandoffRouter {
  citizenTurn(context: TurnContext): Promise<boolean>;
  teamsTurn(context: TurnContext): Promise<void>;
  /** Deletes the citizen's cases (and blanks their cards in Teams). */
  forgetCitizen(context: TurnContext): Promise<void>;
}

export class MentorBot extends ActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly legacyTranscript: StatePropertyAccessor<Transcript>;
  private handoff: HandoffRouter | null = null;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    mainDialog: MainDialog,
    private readonly deps: DialogDeps,
    private readonly transcripts: TranscriptStore,
  ) {
    super();
    for (const [name, dep] of Object.entries({ conversationState, userState, mainDialog, deps, transcripts })) {
      if (!dep) throw new Error(`MentorBot needs "${name}"`);
    }
    this.dialogs = new DialogSet(conversationState.createProperty<DialogState>('dialogState'));
    this.dialogs.add(mainDialog);
    this.legacyTranscript = conversationState.createProperty<Transcript>('transcript');

    // A conversation begun before the transcript had rows of its own carries it in its state: its first turn since
    // moves it to the rows (written with the turn's lines; the state saved without it).
    this.onTurn(async (context, next) => {
      const legacy = await this.legacyTranscript.get(context);
      if (legacy) {
        carryOver(context, legacy.entries ?? []);
        await this.legacyTranscript.delete(context);
      }
      await next();
    });

    this.onMembersAdded(async (context, next) => {
      if (context.activity.channelId === 'msteams' && this.handoff) {
        await this.handoff.teamsTurn(context);
        return next();
      }
      const people = (context.activity.membersAdded ?? []).filter((m) => m.id !== context.activity.recipient?.id);
      if (people.length > 0) await this.start(context, false);
      await next();
    });

    this.onInstallationUpdate(async (context, next) => {
      if (context.activity.channelId === 'msteams' && this.handoff) await this.handoff.teamsTurn(context);
      await next();
    });

    this.onMessage(async (context, next) => {
      if (context.activity.channelId === 'msteams' && this.handoff) {
        await this.handoff.teamsTurn(context);
        return next();
      }
      if (recogniseCommand(context.activity.text) === 'deleteData') {
        await this.forget(context);
        return next();
      }
      const lang = await this.firstLanguage(context);
      if (context.turnState.get(CPR_REMOVED)) {
        await context.sendActivity(this.deps.replies.message(lang, 'input.cprRemoved'));
      }
      const text = context.activity.text;
      if (typeof text === 'string' && text.length > MAX_MESSAGE_CHARS) {
        context.activity.text = text.slice(0, MAX_MESSAGE_CHARS);
        await context.sendActivity(this.deps.replies.message(lang, 'input.tooLong', { limit: MAX_MESSAGE_CHARS }));
      }
      // While a caseworker has the conversation (or it is queued for one), messages go there, not to the dialogs.
      if (this.handoff && (await this.handoff.citizenTurn(context))) return next();
      const dc = await this.dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await this.start(context, true);
      await next();
    });

    this.onDialog(async (context, next) => {
      if (context.turnState.get(DATA_DELETED)) return next();
      await this.conversationState.saveChanges(context, false);
      await this.userState.saveChanges(context, false);
      await saveTranscript(this.transcripts, context);
      await next();
    });
  }

  /**
   * "slet mine data": deletes the conversation's state (answers, transcript, dialog), the person's profile, any
   * request to a caseworker and their unanswered questions in the operators' counts, at once, and says so. Nothing
   * of the turn is saved afterwards; the web chat is told to forget its copy in the browser too.
   */
  private async forget(context: TurnContext): Promise<void> {
    const lang = await languageOf(this.deps.profile, context);
    const { counted } = await this.deps.chat.get(context, newChatData());
    if (counted?.length) this.deps.record?.({ type: 'forget', questions: counted });
    if (this.handoff) await this.handoff.forgetCitizen(context);
    await this.conversationState.delete(context);
    await this.transcripts.deleteTranscript(conversationKey(context));
    await this.userState.delete(context);
    context.turnState.set(DATA_DELETED, true);
    await context.sendActivity(this.deps.replies.message(lang, 'privacy.deleted'));
    await context.sendActivity({ type: ActivityTypes.Event, name: 'mentorbot.dataDeleted' });
  }

  /** Connects the handoff to caseworkers (when a caseworkers' channel is configured). */
  attachHandoff(router: HandoffRouter): void {
    this.handoff = router;
  }

  /**
   * Begins the main dialog (the welcome and menu) when none is running. A message that started the conversation is
   * then handled as the first answer, unless it was only a greeting.
   */
  private async start(context: TurnContext, fromMessage: boolean): Promise<void> {
    const dc = await this.dialogs.createContext(context);
    if (dc.activeDialog) return;
    await this.firstLanguage(context);
    await dc.beginDialog(MAIN_DIALOG);
    const text = context.activity.text;
    if (
      fromMessage &&
      context.activity.type === ActivityTypes.Message &&
      text &&
      recogniseCommand(text) !== 'greeting'
    ) {
      await dc.continueDialog();
    }
  }

  /** A person whose client says it is English gets English from the first reply; anyone can switch at any time. */
  private async firstLanguage(context: TurnContext) {
    const profile = await this.deps.profile.get(context, newProfile());
    const chat = await this.deps.chat.get(context, newChatData());
    if (!chat.welcomed && /^en\b/i.test(context.activity.locale ?? '')) profile.lang = 'en';
    return profile.lang;
  }
}
