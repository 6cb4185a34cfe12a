/**
 * npm start: loads the prebuilt knowledge bundle and serves the API. `npm start` rebuilds the bundle first when
 * the content has changed (prestart).
 */
import { loadKnowledgeBase } from '../knowledge/kb.js';
import { createApp } from './app.js';
import { ConfigError, readConfig } from './config.js';

let config;
try {
  config = readConfig();
} catch (e) {
  if (e instanceof ConfigError) {
    console.error(`Mentorbot cannot start. ${e.message}. See .env.example.`);
    process.exit(1);
  }
  throw e;
}
const kb = loadKnowledgeBase();
const app = createApp(kb);
const server = app.listen(config.port, config.host, () => {
  const shown = config.host === '0.0.0.0' ? 'localhost' : config.host;
  console.log(`Mentorbot is running: http://${shown}:${config.port}/  (try http://${shown}:${config.port}/api/search?q=hvem+kan+f%C3%A5+en+mentor)`);
});
server.on('error', (e) => {
  console.error(`Mentorbot cannot listen on port ${config.port}: ${e.message}`);
  process.exit(1);
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
