import { type OpeningHours, describeHours } from './handoff/opening-hours.js';
import { danishDayClock, type IsoDate } from '../knowledge/dates.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import type { DialogDeps } from '../dialogs/deps.js';
import { MainDialog } from '../dialogs/main-dialog.js';
import { Replies } from '../dialogs/replies.js';
import { type ChatData, type Profile, languageOf } from '../dialogs/state.js';
import { Templates } from '../dialogs/templates.js';
import { type Config, serviceUrlAllowed } from './config.js';
import { log } from './log.js';
import { MentorBot } from './mentor-bot.js';
import { PrivacyMiddleware } from './privacy/privacy-middleware.js';
import {
  type Activity,
  type AuthenticateRequestResult,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type InvokeResponse,
  type ConversationState,
  type Middleware,
  type Storage,
  type TurnContext,
  type UserState,
} from './sdk.js';
import { TranscriptMiddleware, type TranscriptStore, transcriptStoreFor } from './transcript.js';
import { JsonConversationState, JsonUserState } from './storage/json-state.js';
import { Metrics } from './ops/metrics.js';
import { TurnLock } from './turn-lock.js';
import { OutboundTimeoutMiddleware } from './timeout.js';
import type pg from 'pg';

/** The bot as the web server sees it: the two steps of POST /api/messages, a readiness check and a shutdown. */
export interface BotRuntime {
  /**
   * Checks the request's Bot Framework token (the Authorization header) for the activity. Resolves with the result
   * to hand to `process`; rejects when the token is missing, malformed, forged or expired. Without authentication
   * every request passes (anonymous).
   */
  authenticate(activity: Activity, authorization: string): Promise<AuthenticateRequestResult>;
  /** Runs the turn for an authenticated activity; the invoke response (expectReplies: the turn's replies), if any. */
  process(auth: AuthenticateRequestResult, activity: Activity): Promise<InvokeResponse | undefined>;
  ready(): Promise<void>;
  /** True when MicrosoftAppId is set: every request to /api/messages must carry a Bot Framework token. */
  readonly authenticated: boolean;
  /**
   * Without authentication: whether the bot may send replies to this serviceUrl (SERVICE_URL_ALLOWLIST). With
   * authentication the token vouches for the channel service, and every serviceUrl passes.
   */
  serviceUrlAllowed(serviceUrl: string): boolean;
  /** The operators' endpoint token (OPS_TOKEN); null: the endpoint is off. */
  readonly opsToken: string | null;
  close(): Promise<void>;
  /** For tests and tools that drive the bot without HTTP. */
  readonly bot: MentorBot;
  /** The bot, its middleware and state, for other adapters (the web chat). */
  readonly parts: BotParts;
  readonly adapter: CloudAdapter;
}

export interface RuntimeOptions {
  storage: Storage;
  ping?: () => Promise<void>;
  close?: () => Promise<void>;
  /** The date the law is applied on; today in Denmark unless a test fixes it. */
  today?: () => IsoDate;
  templates?: Templates;
  /** With several instances on PostgreSQL: the pool whose advisory locks keep a conversation's turns in order. */
  postgres?: { lockPool: pg.Pool } | null;
  /** The longest a turn may take (ms) before its conversation's lock is let go. Default 20 s. */
  turnTimeoutMs?: number;
  /** The longest one call to a channel (a reply) may take (ms). Default 10 s. */
  outboundTimeoutMs?: number;
}

/** A CloudAdapter whose turn can be run with a token check that was done beforehand (by the route). */
class BotEndpointAdapter extends CloudAdapter {
  run(
    auth: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(auth, activity, logic);
  }
}

export interface BotParts {
  bot: MentorBot;
  /** What every adapter does when a turn fails: log it (masked) and apologise. */
  onTurnError: (context: TurnContext, error: Error) => Promise<void>;
  /** In order: the privacy guard first, then the transcript. Every adapter must use them. */
  middleware: Middleware[];
  deps: DialogDeps;
  conversationState: ConversationState;
  userState: UserState;
  /** Where the state lives; the handoff keeps its cases there too. */
  storage: Storage;
  /** Where the conversations' transcripts live (in the same store, apart from the state). */
  transcripts: TranscriptStore;
  /** The operators' counts. */
  metrics: Metrics;
  /** One turn at a time per conversation, for every adapter. */
  turns: TurnLock;
}

/** The bot and its middleware on the given storage, with no adapter: the part tests drive directly. */
/** How a person reaches the municipality; the phone hours are optional (tests leave them out). */
export type ContactSettings = Omit<Config['contact'], 'hours'> & { hours?: OpeningHours | null };

export function createBot(kb: KnowledgeBase, contact: ContactSettings, options: RuntimeOptions): BotParts {
  const conversationState = new JsonConversationState(options.storage);
  const userState = new JsonUserState(options.storage);
  const transcripts = transcriptStoreFor(options.storage);
  const deps: DialogDeps = {
    kb,
    replies: new Replies(options.templates ?? new Templates()),
    profile: userState.createProperty<Profile>('profile'),
    chat: conversationState.createProperty<ChatData>('chat'),
    today: options.today ?? danishDayClock(),
    contact: {
      municipality: contact.municipality ?? '',
      phone: contact.phone,
      url: contact.url,
      hours: contact.hours ? { da: describeHours(contact.hours, 'da'), en: describeHours(contact.hours, 'en') } : null,
    },
  };
  const metrics = new Metrics(options.storage);
  deps.record = (event) => metrics.record(event);
  const bot = new MentorBot(conversationState, userState, new MainDialog(deps), deps, transcripts);
  const middleware: Middleware[] = [
    new OutboundTimeoutMiddleware(options.outboundTimeoutMs ?? 10_000),
    new PrivacyMiddleware(),
    new TranscriptMiddleware(),
  ];
  const onTurnError = async (context: TurnContext, error: Error) => {
    log.error('turn failed', {
      channel: context.activity.channelId,
      conversation: context.activity.conversation?.id,
      error,
    });
    // The storage itself may be what failed: the language comes from this turn's cache or is Danish.
    let lang: 'da' | 'en';
    try {
      lang = await languageOf(deps.profile, context);
    } catch {
      lang = /^en\b/i.test(context.activity.locale ?? '') ? 'en' : 'da';
    }
    try {
      await context.sendActivity(deps.replies.message(lang, 'error.apology'));
    } catch {
      // The apology is best effort: the client still gets an HTTP answer.
    }
  };
  return {
    bot,
    middleware,
    deps,
    conversationState,
    userState,
    storage: options.storage,
    transcripts,
    metrics,
    turns: new TurnLock(5, options.postgres?.lockPool ?? null, options.turnTimeoutMs ?? 20_000),
    onTurnError,
  };
}

/** Wires the bot behind a CloudAdapter: authentication from configuration, the middleware, and the error reply. */
export function createBotRuntime(config: Config, kb: KnowledgeBase, options: RuntimeOptions): BotRuntime {
  const parts = createBot(kb, config.contact, {
    turnTimeoutMs: config.turnTimeoutMs,
    outboundTimeoutMs: config.outboundTimeoutMs,
    ...options,
  });
  const { bot, middleware } = parts;
  const { appId, appPassword, appType, tenantId } = config.bot;
  const auth = new ConfigurationBotFrameworkAuthentication(
    appId
      ? {
          MicrosoftAppId: appId,
          MicrosoftAppPassword: appPassword ?? '',
          MicrosoftAppType: appType,
          MicrosoftAppTenantId: tenantId ?? '',
        }
      : {},
  );
  const adapter = new BotEndpointAdapter(auth);
  for (const m of middleware) adapter.use(m);
  adapter.onTurnError = parts.onTurnError;

  return {
    bot,
    parts,
    adapter,
    authenticated: appId !== null,
    serviceUrlAllowed: (url) => appId !== null || serviceUrlAllowed(url, config.serviceUrlAllowlist),
    opsToken: config.opsToken,
    authenticate: (activity, authorization) => auth.authenticateRequest(activity, authorization),
    process: (result, activity) => adapter.run(result, activity, (context) => bot.run(context)),
    ready: options.ping ?? (async () => undefined),
    close: options.close ?? (async () => undefined),
  };
}
