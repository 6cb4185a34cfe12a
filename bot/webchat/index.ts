import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Router } from 'express';
import type { Config } from '../config.js';
import type { BotParts } from '../runtime.js';
import type { ServiceStorage } from '../storage/index.js';
import { WebChatAdapter } from './adapter.js';
import { directLineRouter } from './directline-routes.js';
import { ConversationHistory } from './history.js';
import { PostgresPushBus } from './push-bus.js';
import { webChatRouter } from './routes.js';
import { streamUpgrade } from './stream-upgrade.js';
import { StreamHub } from './streams.js';
import { Revocations, TokenSigner, tokenSecret } from './tokens.js';

/** The web chat's server side: our Direct Line server, the page's settings, and the adapter for proactive messages. */
export interface WebChat {
  /** The page's routes under /api (its settings; the Azure Direct Line token exchange). */
  router: Router;
  /** Direct Line 3.0, mounted at /v3/directline. */
  directLine: Router;
  /** The Direct Line stream: give it to the HTTP server's 'upgrade' event. */
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  adapter: WebChatAdapter;
  hub: StreamHub;
  history: ConversationHistory;
  /** Closes the streams and, with PostgreSQL, stops listening for other instances' announcements. */
  close(): Promise<void>;
}

/**
 * Wires the web chat to the bot: the same bot, middleware and state as /api/messages, through its own adapter.
 * With `postgres` (the state storage's pool), new activities are announced across instances through the database;
 * without it they stay in this process.
 */
export function createWebChat(
  config: Config,
  parts: BotParts,
  options: { postgres?: ServiceStorage['postgres'] } = {},
): WebChat {
  const bus = options.postgres ? new PostgresPushBus(options.postgres.pool, options.postgres.connectionString) : null;
  const history = new ConversationHistory(parts.storage);
  const hub = new StreamHub(history, bus);
  const revoked = new Revocations(parts.storage);
  const adapter = new WebChatAdapter(history, hub, revoked);
  for (const m of parts.middleware) adapter.use(m);
  adapter.onTurnError = parts.onTurnError;
  const dataDir = config.storage.kind === 'sqlite' ? config.storage.dataDir : null;
  const signer = new TokenSigner(
    tokenSecret(config.webchat.tokenSecret, dataDir),
    config.webchat.tokenMinutes * 60,
    undefined,
    config.webchat.conversationHours * 3600,
  );
  const directLine = { parts, adapter, hub, history, signer, revoked };
  return {
    router: webChatRouter(config.webchat),
    // The widget's one-round-trip start, only where the widget uses our Direct Line (not with Azure's).
    directLine: directLineRouter(directLine, { start: config.webchat.transport === 'embedded' }),
    upgrade: streamUpgrade(directLine, config.webchat.allowedOrigins),
    adapter,
    hub,
    history,
    close: () => hub.close(),
  };
}
