import { expect } from 'chai';
import { MemoryStorage } from 'botbuilder';
import { Validator } from '@seriousme/openapi-schema-validator';
import { createApp } from '../../bot/app.js';
import { readConfig } from '../../bot/config.js';
import { createBotRuntime } from '../../bot/runtime.js';
import { createWebChat } from '../../bot/webchat/index.js';
import { knowledgeBase, listen } from '../helpers.js';
import { OpenApiChecker } from './openapi-check.js';

const SECRET = 'openapi-test-secret-of-at-least-32-characters';
const OPS = 'operators-token-of-at-least-24-characters';

describe('OpenAPI description at GET /api/openapi.json', function () {
  this.timeout(30_000);
  let server: { url: string; close: () => Promise<void> };
  let closeWebChat: () => Promise<void>;
  let document: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
  let checker: OpenApiChecker;
  let checked: typeof fetch;

  before(async () => {
    const config = readConfig({ LOG_LEVEL: 'silent', STORAGE: 'memory', WEBCHAT_TOKEN_SECRET: SECRET, OPS_TOKEN: OPS });
    const runtime = createBotRuntime(config, knowledgeBase(), {
      storage: new MemoryStorage(),
      today: () => '2026-11-22',
    });
    const webchat = createWebChat(config, runtime.parts);
    closeWebChat = () => webchat.close();
    server = await listen(createApp(knowledgeBase(), runtime, { webchat, config: config.webchat }), webchat.upgrade);
    document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as typeof document;
    checker = new OpenApiChecker(document);
    checked = checker.fetch();
  });
  after(async () => {
    await closeWebChat();
    await server.close();
  });

  it('is a valid OpenAPI 3.1 document (checked against the official schema by @seriousme/openapi-schema-validator)', async () => {
    const result = await new Validator().validate(document);
    expect(result.errors ?? [], JSON.stringify(result.errors)).to.deep.equal([]);
    expect(result.valid).to.equal(true);
    expect(document.openapi).to.equal('3.1.0');
  });

  it('describes every route the issue names', () => {
    const paths = Object.keys(document.paths);
    for (const path of [
      '/api/search',
      '/api/assess',
      '/api/estimate',
      '/api/inputs',
      '/api/law',
      '/api/ops/stats',
      '/api/webchat/config',
      '/api/directline/token',
      '/v3/directline/tokens/generate',
      '/v3/directline/tokens/refresh',
      '/v3/directline/start',
      '/v3/directline/conversations',
      '/v3/directline/conversations/{conversationId}',
      '/v3/directline/conversations/{conversationId}/activities',
      '/v3/directline/conversations/{conversationId}/upload',
      '/v3/directline/conversations/{conversationId}/stream',
      '/healthz',
      '/readyz',
    ]) {
      expect(paths, path).to.include(path);
    }
  });

  it("matches what the health checks, the web chat configuration and the operators' statistics answer", async () => {
    await checked(`${server.url}/healthz`);
    await checked(`${server.url}/readyz`);
    await checked(`${server.url}/api/webchat/config`);
    await checked(`${server.url}/api/directline/token`, { method: 'POST' });
    const auth = { headers: { authorization: `Bearer ${OPS}` } };
    expect((await checked(`${server.url}/api/ops/stats?from=2026-11-20&to=2026-11-22`, auth)).status).to.equal(200);
    expect((await checked(`${server.url}/api/ops/stats?from=2026-02-30`, auth)).status).to.equal(400);
    expect((await checked(`${server.url}/api/ops/stats`)).status).to.equal(401);
    expect((await checked(`${server.url}/api/ops/stats?format=csv`, auth)).headers.get('content-type')).to.match(
      /^text\/csv/,
    );
  });

  it('matches what our Direct Line server answers, from the token to the history, refusals included', async () => {
    const dl = `${server.url}/v3/directline`;
    const { token, conversationId } = (await (await checked(`${dl}/tokens/generate`, { method: 'POST' })).json()) as {
      token: string;
      conversationId: string;
    };
    const auth = { authorization: `Bearer ${token}` };
    expect((await checked(`${dl}/conversations`, { method: 'POST', headers: auth })).status).to.equal(201);
    expect((await checked(`${dl}/conversations`, { method: 'POST', headers: auth })).status).to.equal(200);
    await checked(`${dl}/conversations/${conversationId}?watermark=0`, { headers: auth });
    const post = (body: unknown) =>
      checked(`${dl}/conversations/${conversationId}/activities`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await post({ type: 'message', text: 'hvor længe kan jeg have en mentor?' })).status).to.equal(200);
    expect((await post({ type: 'typing' })).status).to.equal(400);
    await checked(`${dl}/conversations/${conversationId}/activities?watermark=0`, { headers: auth });
    expect(
      (await checked(`${dl}/conversations/${conversationId}/activities?watermark=x`, { headers: auth })).status,
    ).to.equal(400);
    expect(
      (await checked(`${dl}/conversations/${conversationId}/upload`, { method: 'POST', headers: auth, body: 'x' }))
        .status,
    ).to.equal(400);
    expect((await checked(`${dl}/conversations/other/activities`, { headers: auth })).status).to.equal(403);
    expect(
      (
        await checked(`${dl}/conversations/${conversationId}/activities`, {
          headers: { authorization: 'Bearer forged' },
        })
      ).status,
    ).to.equal(401);
    expect((await checked(`${dl}/tokens/refresh`, { method: 'POST', headers: auth })).status).to.equal(200);
    const start = (body: unknown) =>
      checked(`${dl}/start`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await start({ locale: 'en-GB' })).status).to.equal(201);
    expect((await start({ locale: 'fr' })).status).to.equal(400);
  });

  it('gave every answer above a described status and a body that matches its schema', () => {
    expect(checker.checked.size).to.be.at.least(15);
  });
});
