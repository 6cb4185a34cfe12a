import express from 'express';
import { listen } from '../../helpers.js';

export interface Call {
  method: string;
  path: string;
  conversationId: string;
  body: Record<string, unknown>;
  /** The activity id the connector answered with (a sent message's id), or the id acted on (update, delete). */
  activityId?: string;
}

/**
 * A loopback stand-in for the Bot Connector (Teams and other channels): records every call the bot makes and
 * answers as the connector would. A new Teams thread is named "<channel>;messageid=<n>". With `down`, it answers 503;
 * with `refuseDelete`, it answers a delete with 405, as a channel that cannot delete messages does.
 */
export async function fakeConnector() {
  const calls: Call[] = [];
  let next = 1;
  /** down: answer 503. hang: never answer (a connector that has stopped responding). */
  const state = { down: false, hang: false, refuseDelete: false };
  const app = express();
  app.use(express.json({ limit: '1mb' }));
  app.use((_req, res, next) => {
    if (state.hang) return;
    if (state.down) return void res.status(503).json({ error: { code: 'ServiceUnavailable', message: 'down' } });
    next();
  });
  app.post('/v3/conversations', (req, res) => {
    const n = next++;
    const channel = (req.body.channelData?.channel?.id as string | undefined) ?? 'conv';
    const id = `${channel};messageid=${n}`;
    calls.push({ method: 'CREATE', path: req.path, conversationId: id, body: req.body });
    res.status(201).json({ id, activityId: String(n) });
  });
  app.post('/v3/conversations/:conversationId/activities{/:activityId}', (req, res) => {
    const id = `act-${next++}`;
    calls.push({
      method: 'SEND',
      path: req.path,
      conversationId: req.params.conversationId!,
      body: req.body,
      activityId: id,
    });
    res.json({ id });
  });
  app.put('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    calls.push({
      method: 'UPDATE',
      path: req.path,
      conversationId: req.params.conversationId!,
      body: req.body,
      activityId: req.params.activityId!,
    });
    res.json({ id: req.params.activityId });
  });
  app.delete('/v3/conversations/:conversationId/activities/:activityId', (req, res) => {
    if (state.refuseDelete)
      return void res.status(405).json({ error: { code: 'MethodNotAllowed', message: 'cannot delete' } });
    calls.push({
      method: 'DELETE',
      path: req.path,
      conversationId: req.params.conversationId!,
      body: {},
      activityId: req.params.activityId!,
    });
    res.status(200).end();
  });
  const server = await listen(app);
  return {
    url: `${server.url}/`,
    calls,
    state,
    /** Texts sent to a conversation (and to threads whose id starts with it). */
    textsTo(conversationId: string): string[] {
      return calls
        .filter((c) => c.method === 'SEND' && c.conversationId.startsWith(conversationId))
        .map((c) => String(c.body.text ?? ''));
    },
    close: server.close,
  };
}
