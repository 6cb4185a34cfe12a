/**
 * The baseline for the bot benchmark: the smallest honest Bot Framework bot, so the bench can say what our bot costs
 * on top of the SDK itself. Express + CloudAdapter (auth off), ConversationState and UserState on MemoryStorage, one
 * three-step waterfall, state saved after every turn. Replies come back in the HTTP answer when the request asks for
 * `deliveryMode: "expectReplies"` (CloudAdapter does that by itself).
 *
 * Run: `PORT=3979 node dist/test/bench/baseline-bot.js` (HOST defaults to 127.0.0.1: it is a test tool).
 */
import express from 'express';
import {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConversationState,
  MemoryStorage,
  type StatePropertyAccessor,
  type TurnContext,
  UserState,
} from 'botbuilder';
import { DialogSet, type DialogState, DialogTurnStatus, TextPrompt, WaterfallDialog } from 'botbuilder-dialogs';

interface Profile {
  city?: string;
  years?: string;
  conversations: number;
}

const PROMPT = 'prompt';
const WATERFALL = 'questions';

class BaselineBot extends ActivityHandler {
  private readonly dialogs: DialogSet;
  private readonly profile: StatePropertyAccessor<Profile>;

  constructor(
    private readonly conversationState: ConversationState,
    private readonly userState: UserState,
  ) {
    super();
    const dialogState: StatePropertyAccessor<DialogState> = conversationState.createProperty('dialogState');
    this.profile = userState.createProperty('profile');
    this.dialogs = new DialogSet(dialogState);
    this.dialogs.add(new TextPrompt(PROMPT));
    this.dialogs.add(
      new WaterfallDialog(WATERFALL, [
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
      ]),
    );

    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== context.activity.recipient.id) {
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

  /** Every turn ends by saving both states, as a real bot does. */
  override async run(context: TurnContext): Promise<void> {
    await super.run(context);
    await this.conversationState.saveChanges(context, false);
    await this.userState.saveChanges(context, false);
  }
}

const storage = new MemoryStorage();
const bot = new BaselineBot(new ConversationState(storage), new UserState(storage));
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
