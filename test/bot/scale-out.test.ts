import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { expect } from 'chai';
import { projectRoot } from '../../knowledge/paths.js';
import { freePort, sayTo } from '../helpers.js';
import { openStream, person } from './directline-client.js';
import { fakeConnector } from './handoff/fake-connector.js';
import { type TestSchema, freshSchema } from './postgres.js';

const CHANNEL = '19:caseworkers@thread.tacv2';
const TENANT = 'tenant-kommune';

/** One instance: `node dist/bot/main.js` on its own port, with the shared settings; resolves when it is ready. */
async function startInstance(env: Record<string, string>): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [join(projectRoot(), 'dist', 'bot', 'main.js')], {
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      MicrosoftAppId: '',
      STORAGE: '',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d) => (stderr += d));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 150; i++) {
    if (child.exitCode !== null) throw new Error(`instance exited: ${stderr}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return { url, child };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  child.kill('SIGKILL');
  throw new Error(`instance did not start: ${stderr}`);
}

describe('several instances on one PostgreSQL database', function () {
  this.timeout(60_000);
  let schema: TestSchema;
  let connector: Awaited<ReturnType<typeof fakeConnector>>;
  const children: ChildProcess[] = [];
  let a: string;
  let b: string;

  before(async () => {
    schema = await freshSchema();
    connector = await fakeConnector();
    const shared = {
      DATABASE_URL: schema.url,
      WEBCHAT_TOKEN_SECRET: randomUUID() + randomUUID(),
      HANDOFF_TEAMS_CHANNEL_ID: CHANNEL,
      HANDOFF_TEAMS_TENANT_ID: TENANT,
      HANDOFF_TEAMS_SERVICE_URL: connector.url,
      HANDOFF_OPENING_HOURS: 'man-søn 00:00-24:00',
      HANDOFF_ALLOW_UNAUTHENTICATED: 'test',
      MUNICIPALITY_NAME: 'Assens Kommune',
    };
    // Started together, as behind a load balancer: both create the tables at once.
    const started = await Promise.allSettled([startInstance(shared), startInstance(shared)]);
    for (const s of started) if (s.status === 'fulfilled') children.push(s.value.child);
    for (const s of started) if (s.status === 'rejected') throw s.reason;
    [a, b] = started.map((s) => (s as PromiseFulfilledResult<{ url: string }>).value.url) as [string, string];
  });
  after(async () => {
    for (const child of children) child.kill('SIGKILL');
    await Promise.all(
      children.map((c) =>
        c.exitCode === null && c.signalCode === null ? new Promise((r) => c.once('exit', r)) : null,
      ),
    );
    await connector?.close();
    await schema?.drop();
  });

  it('continues a Bot Framework conversation without a seam when its turns alternate between two instances', async () => {
    const conversation = randomUUID();
    const say = async (on: string, text: string) => {
      const res = await sayTo(on, conversation, text);
      expect(res.status, text).to.equal(200);
      return res.text;
    };
    expect(await say(a, 'Jeg er borger')).to.include('Hvad passer bedst');
    expect(await say(b, 'Jeg er ledig')).to.include('Hvilken ydelse får du?');
    expect(await say(a, 'kontanthjælp')).to.include('udskrevet fra en psykiatrisk indlæggelse');
    expect(await say(b, 'nej')).to.include('Hvor gammel er du?');
    expect(await say(a, '45 år')).to.include('Har du allerede en mentor?');
    const summary = await say(b, 'nej');
    for (const part of ['Det kan du søge om', 'Fordi du svarede, at du er ledig', 'LAB § 167, stk. 1'])
      expect(summary).to.include(part);
  });

  it("continues a web chat on the other instance with the same token, and brings a caseworker's messages to the stream another instance holds", async () => {
    const p = await person(`${a}/v3/directline`, { locale: 'da-DK' });
    const token = p.token;
    const say = async (on: string, text: string) => {
      const res = await fetch(`${on}/v3/directline/conversations/${p.conversationId}/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ type: 'message', text, locale: 'da-DK' }),
      });
      expect(res.status, text).to.equal(200);
      return (await p.read())
        .filter((x) => x.from.role === 'bot')
        .map((x) => x.text ?? '')
        .join('\n');
    };
    expect(await say(b, 'Jeg er borger')).to.include('Hvad passer bedst');
    expect(await say(a, 'Jeg er ledig')).to.include('Hvilken ydelse får du?');

    // The page's stream is held by A; the handoff is asked for on B and the caseworker acts through B.
    const stream = await openStream(p.streamUrl);
    try {
      expect(await say(b, 'Tal med en medarbejder')).to.include('Må jeg dele vores samtale');
      expect(await say(a, 'Ja, del samtalen')).to.include('Skriv kort');
      expect(await say(b, 'Kan min mentor blive forlænget?')).to.include('Du er nu i kø');
      const created = connector.calls.filter((c) => c.method === 'CREATE');
      expect(created).to.have.length(1);
      const caseId = /"caseId":"([0-9a-f-]{36})"/.exec(JSON.stringify(created[0]!.body))![1]!;
      const thread = created[0]!.conversationId;
      const teams = (on: string, fields: Record<string, unknown>) =>
        fetch(`${on}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            type: 'message',
            id: randomUUID(),
            channelId: 'msteams',
            serviceUrl: connector.url,
            from: { id: '29:mette', name: 'Mette', aadObjectId: 'aad-mette' },
            recipient: { id: 'mentorbot', name: 'Mentorbot' },
            conversation: { id: thread, isGroup: true, conversationType: 'channel', tenantId: TENANT },
            channelData: { tenant: { id: TENANT }, channel: { id: CHANNEL }, team: { id: 'team-1' } },
            ...fields,
          }),
        });

      await teams(b, { value: { mentorbot: 'claim', caseId } });
      await stream.until('Du taler nu med Mette');
      await teams(b, { text: 'Hej, jeg kigger på din sag nu.' });
      await stream.until('Hej, jeg kigger på din sag nu.');
      // The citizen's answer, written on A, reaches the caseworker's thread.
      await say(a, 'Tak, det er fint');
      expect(connector.textsTo(thread).join('\n')).to.include('Tak, det er fint');
      // Each activity reached the stream once, in the order of the history.
      const ids = stream.activities().map((x) => x.id);
      expect(new Set(ids).size).to.equal(ids.length);
    } finally {
      stream.close();
    }
  });
});
