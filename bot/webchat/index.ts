import type { Router } from 'express';
import type { Config } from '../config.js';
import type { BotParts } from '../runtime.js';
import { WebChatAdapter } from './adapter.js';
import { PushHub } from './hub.js';
import { webChatRouter } from './routes.js';
import { TokenSigner, tokenSecret } from './tokens.js';

/** The web chat's server side: its routes, its adapter (for proactive messages) and its push hub. */
export interface WebChat {
  router: Router;
  adapter: WebChatAdapter;
  hub: PushHub;
  close(): void;
}

/** Wires the web chat to the bot: the same bot, middleware and state as /api/messages, through its own adapter. */
export function createWebChat(config: Config, parts: BotParts): WebChat {
  const hub = new PushHub();
  const adapter = new WebChatAdapter(hub);
  for (const m of parts.middleware) adapter.use(m);
  adapter.onTurnError = parts.onTurnError;
  const dataDir = config.storage.kind === 'sqlite' ? config.storage.dataDir : null;
  const signer = new TokenSigner(tokenSecret(config.webchat.tokenSecret, dataDir), config.webchat.tokenMinutes * 60);
  return { router: webChatRouter(config.webchat, parts, adapter, hub, signer), adapter, hub, close: () => hub.close() };
}
