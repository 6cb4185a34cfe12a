import { expect } from 'chai';
import { createApp } from '../../bot/app.js';
import { knowledgeBase, listen } from '../helpers.js';
import { OpenApiChecker } from './openapi-check.js';

describe('JSON API', () => {
  let base: string;
  let close: () => Promise<void>;
  // Every answer in these tests is checked against the OpenAPI description (/api/openapi.json), but those to
  // routes that do not exist (the JSON 404 is the same for every path, and no description lists unknown paths).
  const openApi = new OpenApiChecker();
  const fetch = openApi.fetch();
  const unchecked = globalThis.fetch;

  before(async () => {
    ({ url: base, close } = await listen(createApp(knowledgeBase())));
  });
  after(async () => close());

  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const json = async (res: Response | Promise<Response>): Promise<any> => (await res).json();
  const get = (path: string) => fetch(base + path);
  const post = (path: string, body: string, type = 'application/json') =>
    fetch(base + path, { method: 'POST', headers: { 'content-type': type }, body });

  describe('GET /api/search', () => {
    it('answers with the best article first, its Danish answer and its citations', async () => {
      const res = await get('/api/search?q=' + encodeURIComponent('hvor længe kan jeg have en mentor'));
      expect(res.status).to.equal(200);
      const body = await json(res);
      expect(body.query).to.equal('hvor længe kan jeg have en mentor');
      expect(body.confident).to.equal(true);
      expect(body.results[0].id).to.equal('varighed');
      expect(body.results[0].answer).to.match(/6 måneder/);
      expect(body.results[0].score).to.be.a('number');
      const labels = body.results[0].citations.map((c: { label: string }) => c.label);
      expect(labels).to.include('LAB § 167, stk. 1');
      expect(body.results[0].citations[0]).to.include.keys('label', 'act', 'section', 'subsection', 'url');
      expect(body.results[0].citations[0].url).to.match(/^https:\/\/www\.retsinformation\.dk\//);
    });

    it('answers in English with lang=en', async () => {
      const body = await json(get('/api/search?lang=en&q=' + encodeURIComponent('how long can I have a mentor')));
      expect(body.results[0].id).to.equal('varighed');
      expect(body.results[0].answer).to.match(/months/);
    });

    it('says it is not confident, with no results, for a question outside the scheme', async () => {
      const body = await json(get('/api/search?q=' + encodeURIComponent('hvordan bliver vejret i morgen')));
      expect(body.confident).to.equal(false);
      expect(body.results).to.deep.equal([]);
    });

    it('returns 400 naming the field for a missing, empty, repeated or too long q', async () => {
      for (const path of [
        '/api/search',
        '/api/search?q=',
        '/api/search?q=%20%20',
        '/api/search?q=a&q=b',
        '/api/search?q=' + 'a'.repeat(1001),
      ]) {
        const res = await get(path);
        expect(res.status, path).to.equal(400);
        expect((await json(res)).error.field, path).to.equal('q');
      }
    });

    it('returns 400 for an unknown lang, audience or an invalid date', async () => {
      for (const [query, field] of [
        ['lang=fr', 'lang'],
        ['audience=robot', 'audience'],
        ['date=2026-02-30', 'date'],
        ['date=i+morgen', 'date'],
      ]) {
        const res = await get(`/api/search?q=mentor&${query}`);
        expect(res.status, query).to.equal(400);
        expect((await json(res)).error.field, query).to.equal(field);
      }
    });

    it('never fails on input that breaks lunr query syntax', async () => {
      for (const q of [
        'bolig:',
        'hvad er ~',
        'title:mentor^3',
        '+-*',
        '"',
        '\\',
        '<script>alert(1)</script>',
        '🙂',
        '\u202emirror',
      ]) {
        const res = await get('/api/search?q=' + encodeURIComponent(q));
        expect(res.status, q).to.equal(200);
      }
    });
  });

  describe('POST /api/assess', () => {
    it('returns dated outcomes with kinds, plain-Danish text, reasons and citations', async () => {
      const res = await post(
        '/api/assess',
        JSON.stringify({
          role: 'citizen',
          situation: 'ledig',
          benefit: 'dagpenge',
          psychiatricDischarge: true,
          date: '2026-11-22',
        }),
      );
      expect(res.status).to.equal(200);
      const body = await json(res);
      expect(body.asOf).to.equal('2026-11-22');
      expect(body.rulesVersion).to.be.a('string');
      const right = body.outcomes.find((o: { id: string }) => o.id === 'psychiatricDischargeRight');
      expect(right.kind).to.equal('right');
      expect(right.text).to.match(/ret til en mentor/);
      expect(right.because).to.match(/^Fordi du svarede/);
      expect(right.citations.map((c: { label: string }) => c.label)).to.include('LAB § 167, stk. 2');
    });

    it('uses today when no date is given, and English with lang=en', async () => {
      const body = await json(post('/api/assess', JSON.stringify({ role: 'employer', lang: 'en' })));
      expect(body.asOf).to.match(/^\d{4}-\d{2}-\d{2}$/);
      expect(body.outcomes[0].text).to.match(/support|mentor/i);
    });

    it('returns 400 naming the field for wrong values and types', async () => {
      const cases: [object, string][] = [
        [{}, 'role'],
        [{ role: 'robot' }, 'role'],
        [{ role: 'citizen', situation: 'astronaut' }, 'situation'],
        [{ role: 'citizen', benefit: 'lotto' }, 'benefit'],
        [{ role: 'citizen', age: '24' }, 'age'],
        [{ role: 'citizen', age: -1 }, 'age'],
        [{ role: 'citizen', age: 24.5 }, 'age'],
        [{ role: 'citizen', psychiatricDischarge: 'ja' }, 'psychiatricDischarge'],
        [{ role: 'citizen', monthsWithMentor: 1e9 }, 'monthsWithMentor'],
        [{ role: 'employer', mentorType: 'robot' }, 'mentorType'],
        [{ role: 'citizen', date: '22-11-2026' }, 'date'],
        [{ role: 'citizen', lang: 'de' }, 'lang'],
        [{ role: 'citizen', psykiatric: true }, 'psykiatric'],
      ];
      for (const [body, field] of cases) {
        const res = await post('/api/assess', JSON.stringify(body));
        expect(res.status, JSON.stringify(body)).to.equal(400);
        expect((await json(res)).error.field, JSON.stringify(body)).to.equal(field);
      }
    });

    it('returns 400 for malformed JSON, a non-object body, a non-JSON body and a body over 100 kB', async () => {
      for (const [body, type] of [
        ['{"role":', 'application/json'],
        ['[1,2]', 'application/json'],
        ['null', 'application/json'],
        ['"citizen"', 'application/json'],
        ['role=citizen', 'application/x-www-form-urlencoded'],
      ]) {
        const res = await post('/api/assess', body!, type);
        expect(res.status, body).to.equal(400);
        expect((await json(res)).error.field, body).to.equal('body');
      }
      expect((await post('/api/assess', '')).status).to.equal(400);
      const huge = await post('/api/assess', JSON.stringify({ role: 'citizen', padding: 'x'.repeat(200_000) }));
      expect(huge.status).to.equal(400);
      expect((await json(huge)).error.message).to.match(/100 kB/);
    });
  });

  describe('POST /api/estimate', () => {
    it("reckons an employee mentor's wage cost per hour of direct contact, times the hours, with its law", async () => {
      const res = await post(
        '/api/estimate',
        JSON.stringify({
          mentor: 'employee',
          hourlyWage: 230,
          pensionPercent: 12,
          hoursPerWeek: 3,
          weeks: 26,
          date: '2026-11-22',
        }),
      );
      expect(res.status).to.equal(200);
      const body = await json(res);
      expect(body.estimate).to.include({ hourlyCost: 257.6, hours: 78, total: 20093, trainingGrant: 'separate' });
      expect(body.note).to.match(/overslag.*kommunen/i);
      expect(body.citations.map((c: { label: string }) => c.label)).to.include.members([
        'BEK 1216/2023 § 125, stk. 1',
        'BEK 1216/2023 § 125, stk. 2',
      ]);
    });

    it("reckons a consultant's fee, in English", async () => {
      const body = await json(
        post(
          '/api/estimate',
          JSON.stringify({ mentor: 'consultant', hourlyFee: 650, hoursPerWeek: 2, weeks: 26, lang: 'en' }),
        ),
      );
      expect(body.estimate).to.include({ total: 33800, trainingGrant: null });
      expect(body.note).to.match(/estimate/);
    });

    const bad: [string, object][] = [
      ['mentor', { hourlyWage: 230, hoursPerWeek: 3, weeks: 26 }],
      ['mentor', { mentor: 'boss', hourlyWage: 230, hoursPerWeek: 3, weeks: 26 }],
      ['hourlyWage', { mentor: 'employee', hoursPerWeek: 3, weeks: 26 }],
      ['hourlyWage', { mentor: 'employee', hourlyWage: '230 kr', hoursPerWeek: 3, weeks: 26 }],
      ['hourlyFee', { mentor: 'consultant', hoursPerWeek: 3, weeks: 26 }],
      ['hourlyFee', { mentor: 'employee', hourlyWage: 230, hourlyFee: 600, hoursPerWeek: 3, weeks: 26 }],
      ['pensionPercent', { mentor: 'employee', hourlyWage: 230, pensionPercent: 250, hoursPerWeek: 3, weeks: 26 }],
      ['hoursPerWeek', { mentor: 'employee', hourlyWage: 230, weeks: 26 }],
      ['weeks', { mentor: 'employee', hourlyWage: 230, hoursPerWeek: 3, weeks: 0 }],
      ['date', { mentor: 'employee', hourlyWage: 230, hoursPerWeek: 3, weeks: 26, date: '26/11/2026' }],
      ['salary', { mentor: 'employee', salary: 230, hoursPerWeek: 3, weeks: 26 }],
    ];
    for (const [field, body] of bad) {
      it(`answers 400 naming "${field}" for ${JSON.stringify(body)}`, async () => {
        const res = await post('/api/estimate', JSON.stringify(body));
        expect(res.status).to.equal(400);
        expect((await json(res)).error.field).to.equal(field);
      });
    }
  });

  describe('the rest', () => {
    it('lists the inputs with their "hvorfor spørger vi?" texts', async () => {
      const body = await json(get('/api/inputs'));
      const age = body.inputs.find((i: { name: string }) => i.name === 'age');
      expect(age.type).to.equal('integer');
      expect(age.why.da).to.match(/30/);
    });

    it('lists the law registry with labels and dates', async () => {
      const body = await json(get('/api/law'));
      const p = body.provisions.find((x: { id: string }) => x.id === 'LAB-167-3');
      expect(p.label).to.equal('LAB § 167, stk. 3');
      expect(p.validFrom).to.equal('2022-05-22');
      expect(body.reforms.length).to.be.greaterThan(3);
    });

    it('answers health checks', async () => {
      expect((await get('/healthz')).status).to.equal(200);
      expect((await json(get('/readyz'))).status).to.equal('ready');
    });

    it('answers unknown paths and methods with a JSON 404', async () => {
      const post = (path: string) =>
        unchecked(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      for (const res of [
        await unchecked(base + '/nope'),
        await post('/api/search'),
        await unchecked(base + '/api/assess', { method: 'DELETE' }),
      ]) {
        expect(res.status).to.equal(404);
        expect((await json(res)).error.field).to.equal('path');
      }
    });

    it('never answers 5xx or leaks a stack trace, whatever it is sent', async () => {
      const bodies = [
        '{',
        '{"role":"citizen","age":{"$gt":1}}',
        '{"role":["citizen"]}',
        '{"__proto__":{"x":1},"role":"citizen"}',
        '{"constructor":{"prototype":{}}}',
        '\u0000',
        'true',
        '1e309',
        '{"role":"citizen","age":1e309}',
      ];
      for (const b of bodies) {
        const res = await post('/api/assess', b);
        const text = await res.text();
        expect(res.status, b).to.be.within(200, 499);
        expect(text, b).to.not.match(/at .*\.js:\d+/);
      }
      for (const q of ['%', '%E0%A4%A', '%00', 'a%20'.repeat(300)]) {
        const res = await fetch(`${base}/api/search?q=${q}`);
        expect(res.status, q).to.be.within(200, 499);
      }
    });
  });

  // Last: mocha runs a suite's own tests before its nested suites, so these two sit in a suite of their own.
  describe('the OpenAPI description', () => {
    it('checked every answer above against the OpenAPI description', () => {
      const total = [...openApi.checked.values()].reduce((a, b) => a + b, 0);
      expect(total).to.be.at.least(40);
      for (const route of [
        'GET /api/search 200',
        'GET /api/search 400',
        'POST /api/assess 200',
        'POST /api/assess 400',
        'GET /api/inputs 200',
        'GET /api/law 200',
        'GET /healthz 200',
        'GET /readyz 200',
      ]) {
        expect(openApi.checked.get(route), route).to.be.greaterThan(0);
      }
    });

    it('serves the description at /api/openapi.json', async () => {
      const res = await fetch(base + '/api/openapi.json');
      expect(res.status).to.equal(200);
      expect(((await res.json()) as { openapi: string }).openapi).to.equal('3.1.0');
    });
  });
});
