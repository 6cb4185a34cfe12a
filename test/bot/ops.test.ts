import { randomUUID } from 'node:crypto';
import { expect } from 'chai';
import { MemoryStorage } from 'botbuilder';
import { createApp } from '../../bot/app.js';
import { readConfig } from '../../bot/config.js';
import { Metrics, keptQuestion, questionId } from '../../bot/ops/metrics.js';
import { reportOptions, reportText } from '../../bot/ops/report.js';
import { statsCsv } from '../../bot/ops/routes.js';
import { createBotRuntime } from '../../bot/runtime.js';
import { todayInDenmark } from '../../knowledge/dates.js';
import { knowledgeBase, listen, sayTo } from '../helpers.js';

const TOKEN = 'ops-token-that-is-long-enough-123';

describe("operators' view", () => {
  it('counts answered and unanswered questions, topics and paths from real conversations, without personal data', async () => {
    const storage = new MemoryStorage();
    const runtime = createBotRuntime(readConfig({ LOG_LEVEL: 'silent', OPS_TOKEN: TOKEN }), knowledgeBase(), {
      storage,
      today: () => '2026-11-22',
    });
    const server = await listen(createApp(knowledgeBase(), runtime));
    try {
      const conversation = randomUUID();
      const say = (text: string) => sayTo(server.url, conversation, text);
      await say('Stil et spørgsmål');
      await say('hvor længe kan jeg have en mentor?');
      await say('hvor er min blæksprutte 12 34 56 78 søren@mail.dk');
      await runtime.parts.metrics.flush();
      const res = await fetch(
        `${server.url}/api/ops/stats?from=2020-01-01&to=2030-01-01`.replace(
          'from=2020-01-01&to=2030-01-01',
          `from=${today()}&to=${today()}`,
        ),
        {
          headers: { authorization: `Bearer ${TOKEN}` },
        },
      );
      expect(res.status).to.equal(200);
      const body = (await res.json()) as {
        days: {
          questions: Record<string, number>;
          topics: Record<string, number>;
          unanswered: Record<string, number>;
          paths: Record<string, number>;
        }[];
      };
      const day = body.days[0]!;
      expect(day.questions.article).to.equal(1);
      expect(day.questions.none).to.equal(1);
      expect(day.topics).to.deep.equal({ varighed: 1 });
      expect(day.paths).to.deep.equal({ 'question.started': 1 });
      const kept = Object.keys(day.unanswered)[0]!;
      expect(kept).to.include('hvor er min blæksprutte');
      expect(kept).not.to.match(/12 34 56 78|søren@mail\.dk/);
      const csv = await fetch(`${server.url}/api/ops/stats?from=${today()}&to=${today()}&format=csv`, {
        headers: { authorization: `Bearer ${TOKEN}` },
      });
      expect(csv.headers.get('content-type')).to.match(/^text\/csv/);
      expect(await csv.text()).to.include(`${today()},topic,varighed,1`);
    } finally {
      await server.close();
    }
  });

  it('refuses the endpoint without the token, and hides it when no token is configured', async () => {
    const on = createBotRuntime(readConfig({ LOG_LEVEL: 'silent', OPS_TOKEN: TOKEN }), knowledgeBase(), {
      storage: new MemoryStorage(),
    });
    const off = createBotRuntime(readConfig({ LOG_LEVEL: 'silent' }), knowledgeBase(), {
      storage: new MemoryStorage(),
    });
    const a = await listen(createApp(knowledgeBase(), on));
    const b = await listen(createApp(knowledgeBase(), off));
    try {
      expect((await fetch(`${a.url}/api/ops/stats`)).status).to.equal(401);
      expect((await fetch(`${a.url}/api/ops/stats`, { headers: { authorization: 'Bearer wrong' } })).status).to.equal(
        401,
      );
      expect(
        (await fetch(`${a.url}/api/ops/stats?from=x`, { headers: { authorization: `Bearer ${TOKEN}` } })).status,
      ).to.equal(400);
      // The one date check of the project: a day that does not exist is refused, naming the parameter.
      for (const [query, field] of [
        ['from=2026-02-30', 'from'],
        ['to=2026-02-29', 'to'],
        ['from=2026-11-23&from=2026-11-24', 'from'],
        ['format=xml', 'format'],
      ]) {
        const res = await fetch(`${a.url}/api/ops/stats?${query}`, { headers: { authorization: `Bearer ${TOKEN}` } });
        expect(res.status, query).to.equal(400);
        expect(((await res.json()) as { error: { field: string } }).error.field, query).to.equal(field);
      }
      expect(
        (await fetch(`${b.url}/api/ops/stats`, { headers: { authorization: `Bearer ${TOKEN}` } })).status,
      ).to.equal(404);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('adds the counts of several instances flushing at once into the day record, through its eTag', async () => {
    const storage = new MemoryStorage();
    const clock = () => new Date('2026-11-22T12:00:00Z');
    const one = new Metrics(storage, clock);
    const two = new Metrics(storage, clock);
    one.record({ type: 'handoff', stage: 'requested' });
    await one.flush();
    one.record({ type: 'handoff', stage: 'requested' });
    two.record({ type: 'handoff', stage: 'requested' });
    two.record({ type: 'handoff', stage: 'claimed' });
    await Promise.all([one.flush(), two.flush()]);
    const [day] = await new Metrics(storage, clock).days('2026-11-22', '2026-11-22');
    expect(day!.handoffs).to.deep.equal({ requested: 3, claimed: 1 });
  });

  it('keeps an unanswered question masked, in lower case and short', () => {
    expect(keptQuestion('Mit CPR er 010190-1234   og jeg   hedder X')).to.equal(
      'mit cpr er [cpr-nummer fjernet] og jeg hedder x',
    );
    expect(keptQuestion('a'.repeat(500))).to.have.length(120);
  });

  it('writes CSV that a spreadsheet will not run as a formula', () => {
    const csv = statsCsv([
      {
        day: '2026-11-22',
        questions: { article: 0, ambiguous: 0, redirect: 0, none: 1 },
        topics: {},
        paths: {},
        handoffs: {},
        unanswered: { '=cmd|calc': 1, 'a,b': 2 },
      },
    ]);
    expect(csv).to.include(`"'=cmd|calc"`);
    expect(csv).to.include('"a,b"');
  });

  it('summarises the days for npm run report in Danish', () => {
    const text = reportText([
      {
        day: '2026-11-22',
        questions: { article: 3, ambiguous: 1, redirect: 0, none: 1 },
        topics: { varighed: 2, klage: 1 },
        paths: { 'citizen.started': 2 },
        handoffs: { requested: 1 },
        unanswered: { 'må min hund komme med': 1 },
      },
    ]);
    expect(text).to.include('Spørgsmål: 5. Besvaret 3 (60 %)');
    expect(text).to.include('varighed');
    expect(text).to.include('må min hund komme med');
  });

  it("reads npm run report's options with node:util parseArgs: --url and --days, or MENTORBOT_URL and 7 days", () => {
    expect(reportOptions([], {})).to.deep.equal({ url: 'http://localhost:3978', days: 7 });
    expect(reportOptions(['--url', 'http://bot:8080/', '--days', '30'], {})).to.deep.equal({
      url: 'http://bot:8080',
      days: 30,
    });
    expect(reportOptions(['--days=1'], { MENTORBOT_URL: 'https://bot.kommune.dk' })).to.deep.equal({
      url: 'https://bot.kommune.dk',
      days: 1,
    });
    expect(reportOptions(['--dage', '3'], {}))
      .to.have.property('error')
      .that.matches(/Unknown option '--dage'/);
    for (const days of ['0', 'seven', '400', '1.5'])
      expect(reportOptions(['--days', days], {}), days)
        .to.have.property('error')
        .that.matches(/--days must be a whole number from 1 to 366/);
    expect(reportOptions(['--url', 'bot:8080'], {}))
      .to.have.property('error')
      .that.matches(/--url must be an http\(s\) address/);
  });
});

describe("operators' view: taking a person's unanswered questions out again", () => {
  const clock = () => new Date('2026-11-22T12:00:00Z');
  const DAY = '2026-11-22';
  const ask = (metrics: Metrics, question: string) =>
    metrics.record({ type: 'answer', kind: 'none', articleId: null, question })!;
  const unanswered = async (storage: MemoryStorage) =>
    (await new Metrics(storage, clock).days(DAY, DAY))[0]!.unanswered;
  const stored = (storage: MemoryStorage) => JSON.stringify((storage as unknown as { memory: object }).memory);

  it('says which unanswered question it counted, by day and an id that holds no words', () => {
    const counted = ask(new Metrics(new MemoryStorage(), clock), 'Hvor er svømmehallen i Haarby?');
    expect(counted).to.deep.equal({ day: DAY, id: questionId(keptQuestion('Hvor er svømmehallen i Haarby?')) });
    expect(counted.id).not.to.match(/haarby/i);
    expect(
      new Metrics(new MemoryStorage(), clock).record({
        type: 'answer',
        kind: 'article',
        articleId: 'varighed',
        question: 'x',
      }),
    ).to.equal(null);
  });

  it('takes a question out of the counts not yet flushed', async () => {
    const storage = new MemoryStorage();
    const metrics = new Metrics(storage, clock);
    const counted = ask(metrics, 'Hvor er svømmehallen i Haarby?');
    metrics.record({ type: 'forget', questions: [counted] });
    expect(await metrics.days(DAY, DAY))
      .to.have.nested.property('[0].unanswered')
      .that.deep.equals({});
    await metrics.flush();
    expect(await unanswered(storage)).to.deep.equal({});
    expect(stored(storage)).not.to.match(/haarby/i);
  });

  it('takes a question out of the stored day record, and only one count of it', async () => {
    const storage = new MemoryStorage();
    const metrics = new Metrics(storage, clock);
    const counted = ask(metrics, 'Hvor er svømmehallen i Haarby?');
    ask(metrics, 'Hvor er svømmehallen i Haarby?');
    ask(metrics, 'Hvor er blæksprutten?');
    await metrics.flush();
    metrics.record({ type: 'forget', questions: [counted] });
    expect(Object.values(await unanswered(storage))).to.deep.equal([2, 1]);
    expect(Object.values((await metrics.days(DAY, DAY))[0]!.unanswered)).to.deep.equal([1, 1]);
    metrics.record({ type: 'forget', questions: [counted] });
    await metrics.flush();
    expect(await unanswered(storage)).to.deep.equal({ 'hvor er blæksprutten?': 1 });
    expect(stored(storage)).not.to.match(/haarby/i);
  });

  it('cancels a count another instance flushes after the question was taken out', async () => {
    const storage = new MemoryStorage();
    const asked = new Metrics(storage, clock);
    const forgot = new Metrics(storage, clock);
    const counted = ask(asked, 'Hvor er svømmehallen i Haarby?');
    forgot.record({ type: 'forget', questions: [counted] });
    await forgot.flush();
    expect(stored(storage)).not.to.match(/haarby/i);
    await asked.flush();
    expect(await unanswered(storage)).to.deep.equal({});
    expect(stored(storage))
      .not.to.match(/haarby/i)
      .and.not.to.include('withdrawn');
  });

  it("never shows what was taken out in the operators' view", async () => {
    const storage = new MemoryStorage();
    const metrics = new Metrics(storage, clock);
    metrics.record({ type: 'forget', questions: [{ day: DAY, id: 'not-yet-here' }] });
    await metrics.flush();
    expect((await metrics.days(DAY, DAY))[0]).not.to.have.property('withdrawn');
  });
});

function today(): string {
  return todayInDenmark();
}
