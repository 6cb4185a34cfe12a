import type { Router } from 'express';
import type { Config } from '../config.js';
import type { BotParts } from '../runtime.js';
import type { ServiceStorage } from '../storage/index.js';
import { WebChatAdapter } from './adapter.js';
import { PushHub } from './hub.js';
import { PostgresPushBus } from './push-bus.js';
import { webChatRouter } from './routes.js';
import { TokenSigner, tokenSecret } from './tokens.js';

/** The web chat's server side: its routes, its adapter (for proactive messages) and its push hub. */
export interface WebChat {
  router: Router;
  adapter: WebChatAdapter;
  hub: PushHub;
  /** Ends the push streams and, with PostgreSQL, stops listening for other instances' messages. */
  close(): Promise<void>;
}

/**
 * Wires the web chat to the bot: the same bot, middleware and state as /api/messages, through its own adapter.
 * With `postgres` (the state storage's pool), push messages cross instances through the database; without it
 * they stay in this process.
 */
export function createWebChat(config: Config, parts: BotParts, options: { postgres?: ServiceStorage['postgres'] } = {}): WebChat {
  const bus = options.postgres ? new PostgresPushBus(options.postgres.pool, options.postgres.connectionString) : null;
  const hub = new PushHub(undefined, bus);
  const adapter = new WebChatAdapter(hub);
  for (const m of parts.middleware) adapter.use(m);
  adapter.onTurnError = parts.onTurnError;
  const dataDir = config.storage.kind === 'sqlite' ? config.storage.dataDir : null;
  const signer = new TokenSigner(tokenSecret(config.webchat.tokenSecret, dataDir), config.webchat.tokenMinutes * 60, undefined, config.webchat.conversationHours * 3600);
  return { router: webChatRouter(config.webchat, parts, adapter, hub, signer), adapter, hub, close: () => hub.close() };
}
