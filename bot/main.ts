/**
 * npm start: reads the settings, loads the prebuilt knowledge bundle, opens the state storage and serves the bot
 * and the API. `npm start` rebuilds the bundle first when the content has changed (prestart).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledgeBase } from '../knowledge/kb.js';
import { projectRoot } from '../knowledge/paths.js';
import { createApp } from './app.js';
import { type Config, ConfigError, isLoopback, readConfig } from './config.js';
import { log } from './log.js';
import { createBotRuntime } from './runtime.js';
import { openStorage } from './storage/index.js';
import { createWebChat } from './webchat/index.js';
import { createHandoff } from './handoff/index.js';
import { startRetention } from './retention.js';

const envFile = join(projectRoot(), '.env');
if (existsSync(envFile)) process.loadEnvFile(envFile);

let config: Config;
try {
  config = readConfig();
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(`Mentorbot cannot start. ${e.message}. See .env.example.`);
    process.exit(1);
  }
  throw e;
}
log.setLevel(config.logLevel);

let storage;
try {
  storage = openStorage(config.storage);
  // PostgreSQL is reached over the network: check it now, so a wrong DATABASE_URL stops the start with a reason.
  if (config.storage.kind === 'postgres') await storage.ping();
} catch (e) {
  const where = config.storage.kind === 'postgres' ? 'in PostgreSQL' : `in ${config.storage.dataDir}`;
  const setting = config.storage.kind === 'postgres' ? 'DATABASE_URL' : 'DATA_DIR';
  console.error(`Mentorbot cannot open its state storage ${where}: ${(e as Error).message}. Check ${setting}.`);
  process.exit(1);
}
const kb = loadKnowledgeBase();
const runtime = createBotRuntime(config, kb, storage);
const webchat = createWebChat(config, runtime.parts, { postgres: storage.postgres });
const handoff = createHandoff(config, runtime, webchat);
handoff?.relay.start();
const stopRetention = startRetention(storage.storage, config.retentionDays);
runtime.parts.metrics.start();
const app = createApp(
  kb,
  runtime,
  { webchat, config: config.webchat },
  { rateLimit: config.rateLimit, pool: storage.postgres?.pool ?? null },
);
const server = app.listen(config.port, config.host, () => {
  const everywhere = config.host === '0.0.0.0' || config.host === '::';
  const local = everywhere || isLoopback(config.host) ? 'localhost' : config.host;
  const where = everywhere
    ? `every network interface (${config.host})`
    : isLoopback(config.host)
      ? `${config.host} only (this machine)`
      : config.host;
  const auth = config.bot.appId ? 'Bot Framework authentication is on' : 'no MicrosoftAppId: no authentication';
  console.log(
    `Mentorbot is running on port ${config.port}, listening on ${where}: open http://${local}:${config.port}/ for the web chat.`,
  );
  console.log(
    `Bot Framework endpoint: http://${local}:${config.port}/api/messages (${auth}). Chat in a terminal: npm run chat`,
  );
  if (config.unauthenticatedOnNetwork) {
    const warning = `WARNING: ALLOW_UNAUTHENTICATED_NETWORK is true: /api/messages takes requests from the network without authentication. Replies go only to ${config.serviceUrlAllowlist.join(', ')}. Set MicrosoftAppId for a public server.`;
    console.warn(warning);
    log.warn('bot endpoint open to the network without authentication', { host: config.host });
  }
});
server.on('upgrade', webchat.upgrade);
server.on('error', (e) => {
  console.error(`Mentorbot cannot listen on port ${config.port}: ${e.message}`);
  process.exit(1);
});
const stop = () => {
  stopRetention();
  handoff?.stop();
  const webchatClosed = webchat.close();
  server.closeIdleConnections();
  server.close(() => {
    void webchatClosed
      .then(() => runtime.parts.metrics.stop())
      .catch(() => undefined)
      .then(() => runtime.close())
      .finally(() => process.exit(0));
  });
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
