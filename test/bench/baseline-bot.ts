/**
 * The anchors of the bot benchmark: the smallest honest Bot Framework bot, so the bench can say what our bot costs
 * on top of the SDK itself. Express + CloudAdapter (auth off), ConversationState and UserState, one three-step
 * waterfall, state saved after every turn. Replies come back in the HTTP answer when the request asks for
 * `deliveryMode: "expectReplies"` (CloudAdapter does that by itself).
 *
 * Two modes:
 * - bare (default): MemoryStorage, and the waterfall's own short texts.
 * - I/O-equivalent (IO_SCRIPT=<file> from bot-bench.ts): our SqliteStorage in DATA_DIR, and for each turn the replies
 *   our bot sent on the same turn of the same conversation (same number, same bytes), with the conversation's and the
 *   person's state padded to the size ours had, and transcript rows of the same size where ours keeps them apart. The
 *   difference between our bot and this one is our own logic, not the I/O it leads to.
 *
 * Run: `PORT=3979 node dist/test/bench/baseline-bot.js` (HOST defaults to 127.0.0.1: it is a test tool).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import express from 'express';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  type StatePropertyAccessor,
  type Storage,
  type TurnContext,
  UserState,
} from 'botbuilder';
import {
  Dialog,
  DialogSet,
  type DialogState,
  DialogTurnStatus,
  TextPrompt,
  WaterfallDialog,
  type WaterfallStep,
} from 'botbuilder-dialogs';
import { SqliteStorage } from '../../bot/storage/sqlite-storage.js';
import { conversationKey, keepsTranscripts } from '../../bot/transcript.js';
import { type IoScript, type RecordedTurn, WELCOME_KEY, replyToSend, turnKey } from './io-script.js';

interface Profile {
  city?: string;
  years?: string;
  conversations: number;
  pad?: string;
}

/** Where the I/O-equivalent bot is in the recorded conversation, and the padding that gives its state our size. */
interface Replay {
  key: string;
  pad: string;
}

const PROMPT = 'prompt';
const WATERFALL = 'questions';

class BaselineBot extends ActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly dialogState: StatePropertyAccessor<DialogState>;
  private readonly profile: StatePropertyAccessor<Profile>;
  private readonly replay: StatePropertyAccessor<Replay>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
    private readonly script: IoScript | null,
    private readonly storage: Storage,
  ) {
    super();
    this.dialogState = conversationState.createProperty('dialogState');
    this.profile = userState.createProperty('profile');
    this.replay = conversationState.createProperty('replay');
    this.dialogs = new DialogSet(this.dialogState);
    this.dialogs.add(new TextPrompt(PROMPT));
    this.dialogs.add(new WaterfallDialog(WATERFALL, script ? this.replayingSteps() : this.bareSteps()));

    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) {
          if (this.script) await this.replayTurn(context, WELCOME_KEY);
          else
            await context.sendActivity('Hej! Jeg stiller dig tre små spørgsmål. Skriv hvad som helst for at begynde.');
        }
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      const dc = await this.dialogs.createContext(context);
      const result = await dc.continueDialog();
      if (result.status === DialogTurnStatus.empty) await dc.beginDialog(WATERFALL);
      await next();
    });
  }

  private bareSteps(): WaterfallStep[] {
    return [
      async (step) => step.prompt(PROMPT, 'Hvad hedder din by?'),
      async (step) => {
        (step.values as Record<string, string>).city = String(step.result);
        return step.prompt(PROMPT, 'Hvor mange år har du boet der?');
      },
      async (step) => {
        const profile = await this.profile.get(step.context, { conversations: 0 });
        profile.city = (step.values as Record<string, string>).city;
        profile.years = String(step.result);
        profile.conversations += 1;
        await step.context.sendActivity(`Tak. Du bor i **${profile.city}** og har boet der i ${profile.years}.`);
        return step.endDialog();
      },
    ];
  }

  /** The same three steps, each sending what our bot sent on this turn instead of its own text. */
  private replayingSteps(): WaterfallStep[] {
    const step = (last: boolean): WaterfallStep => {
      return async (s) => {
        const { key } = await this.replay.get(s.context, { key: WELCOME_KEY, pad: '' });
        await this.replayTurn(s.context, turnKey(key, s.context.activity.text ?? ''));
        return last ? s.endDialog() : Dialog.EndOfTurn;
      };
    };
    return [step(false), step(false), step(true)];
  }

  private async replayTurn(context: TurnContext, key: string): Promise<void> {
    const turn: RecordedTurn | undefined = this.script![key];
    if (!turn) throw new Error(`No recorded turn for "${context.activity.text ?? '(welcome)'}"`);
    if (turn.replies.length > 0) await context.sendActivities(turn.replies.map(replyToSend));
    context.turnState.set(RECORDED, turn);
    const replay = await this.replay.get(context, { key, pad: '' });
    replay.key = key;
  }

  /** Gives the state the recorded size (measured as the store keeps it: JSON without the eTag). */
  private async padState(context: TurnContext, turn: RecordedTurn): Promise<void> {
    const replay = await this.replay.get(context, { key: WELCOME_KEY, pad: '' });
    replay.pad = '';
    const dialogState = await this.dialogState.get(context, { dialogStack: [] });
    const bare = JSON.stringify({ dialogState, replay }).length;
    replay.pad = 'x'.repeat(Math.max(0, turn.conversationBytes - bare));
    const profile = await this.profile.get(context, { conversations: 0 });
    profile.pad = '';
    profile.pad = 'x'.repeat(Math.max(0, turn.userBytes - JSON.stringify({ profile }).length));
  }

  /** Every turn ends by saving both states, as a real bot does. */
  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    const turn = context.turnState.get(RECORDED) as RecordedTurn | undefined;
    if (turn) await this.padState(context, turn);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
    if (turn) await appendTranscript(this.storage, context, turn);
  }
}

const RECORDED = Symbol('recorded');

/** Transcript rows of the recorded number and size, through the storage's own method when it keeps them apart. */
async function appendTranscript(storage: Storage, context: TurnContext, turn: RecordedTurn): Promise<void> {
  if (!keepsTranscripts(storage) || turn.transcriptLines === 0) return;
  const at = new Date().toISOString();
  // Each line's JSON ({"from":"bot","text":"…","at":"…"}) gets its share of the recorded bytes.
  const empty = JSON.stringify({ from: 'bot', text: '', at }).length;
  const share = Math.max(0, Math.round(turn.transcriptBytes / turn.transcriptLines) - empty);
  const lines = Array.from({ length: turn.transcriptLines }, () => ({
    from: 'bot' as const,
    text: 'x'.repeat(share),
    at,
  }));
  await storage.appendTranscript(conversationKey(context), lines);
}

const scriptFile = process.env.IO_SCRIPT;
const script = scriptFile ? (JSON.parse(readFileSync(scriptFile, 'utf8')) as IoScript) : null;
const storage: Storage = script
  ? new SqliteStorage(join(process.env.DATA_DIR ?? '.', 'io-equivalent.sqlite'))
  : new MemoryStorage();
const bot = new BaselineBot(new ConversationState(storage), new UserState(storage), script, storage);
const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
  console.error(`Turn failed: ${error instanceof Error ? error.message : String(error)}`);
  await context.sendActivity('Beklager, noget gik galt. / Sorry, something went wrong.');
};

const app = express();
app.use(express.json({ limit: '100kb' }));
app.get('/healthz', (_req, res) => {
  res.json({ status: 'ok' });
});
app.get('/readyz', (_req, res) => {
  res.json({ status: 'ready' });
});
app.post('/api/messages', async (req, res) => {
  await adapter.process(req, res, (context) => bot.run(context));
});

const port = Number(process.env.PORT ?? 3979);
const host = process.env.HOST ?? '127.0.0.1';
const server = app.listen(port, host, () => {
  console.log(`Baseline bot listening on http://${host}:${port}/api/messages`);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
