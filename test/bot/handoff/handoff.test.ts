import { expect } from 'chai';
import { CHANNEL, type Setup, TENANT, handOff, setup } from './setup.js';
import { openStream, person } from '../directline-client.js';
import { daysLater } from '../../../knowledge/dates.js';

describe('handoff to a caseworker in Teams', function () {
  this.timeout(20000);
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });
  afterEach(() => s.close());

  it("asks for consent, then posts a case card without the CPR number in the caseworkers' channel", async () => {
    const queued = await handOff(s);
    expect(queued.texts).to.include('Du er nu i kø');
    expect(queued.events.map((e) => e.name)).to.include('handoff.initiate');
    const create = s.connector.calls.filter((c) => c.method === 'CREATE');
    expect(create).to.have.length(1);
    expect(create[0]!.body.channelData).to.deep.include({ channel: { id: CHANNEL }, tenant: { id: TENANT } });
    const json = s.cardJson();
    expect(json).to.include('Overtag samtalen');
    expect(json).to.include('Afvis');
    expect(json).to.include('Kan min mentor blive forlænget?');
    expect(json).to.include('Jeg er ledig');
    expect(json).to.include('LAB § 167, stk. 1');
    expect(json).not.to.include('010190');
  });

  it('puts a fact read from free words on the card with its question, and never the discharge answer', async () => {
    await s.citizen('Jeg er 71 og på folkepension og skal ikke arbejde igen. Kan jeg få en mentor?');
    await s.citizen('Tal med en medarbejder');
    await s.citizen('Ja, del samtalen');
    await s.citizen('Hvem kan hjælpe mig i hverdagen?');
    const json = s.cardJson();
    expect(json).to.include('Vil du gerne i job, uddannelse eller et tilbud?');
    expect(json).to.include('LAB § 167, stk. 1');
    expect(json).not.to.include('Gælder det dig nu eller snart');
  });

  it('shares nothing when the citizen says no, and says how to reach the municipality', async () => {
    await s.citizen('Tal med en medarbejder');
    const no = await s.citizen('Nej tak');
    expect(no.texts).to.include('Jeg deler ikke noget');
    expect(no.texts).to.include('Assens Kommune');
    expect(s.connector.calls.filter((c) => c.method === 'CREATE')).to.have.length(0);
  });

  it('lets exactly one of two caseworkers pressing "Overtag" at once take the case, and updates the card', async () => {
    await handOff(s);
    const claim = { value: { mentorbot: 'claim', caseId: s.caseId() } };
    await Promise.all([
      s.teams(s.thread(), claim),
      s.teams(s.thread(), claim, { id: '29:jonas', name: 'Jonas', aadObjectId: 'aad-jonas' }),
    ]);
    const threadTexts = s.connector.textsTo(s.thread());
    expect(threadTexts.filter((t) => t.includes('har overtaget samtalen'))).to.have.length(1);
    expect(threadTexts.filter((t) => t.includes('allerede overtaget af'))).to.have.length(1);
    const winner = threadTexts.find((t) => t.includes('har overtaget samtalen'))!.startsWith('Mette')
      ? 'Mette'
      : 'Jonas';
    expect(s.cardJson()).to.include(`Overtaget af ${winner}`);
    expect(s.cardJson()).not.to.include('Overtag samtalen');
    expect(s.connector.textsTo(s.citizenConversation).join('\n')).to.include(`Du taler nu med ${winner}`);
  });

  it('relays the citizen\'s messages to the thread and the caseworker\'s replies to the citizen, and hands back on "afslut"', async () => {
    await handOff(s);
    await s.teams(s.thread(), { value: { mentorbot: 'claim', caseId: s.caseId() } });
    const quiet = await s.citizen('Hej, er du der?');
    expect(quiet.texts).to.equal('');
    expect(s.connector.textsTo(s.thread())).to.include('Borger: Hej, er du der?');
    await s.teams(s.thread(), { text: '<at>Mentorbot</at> <p>Ja, jeg kigger på din sag.</p>' });
    expect(s.connector.textsTo(s.citizenConversation)).to.include('**Mette:** Ja, jeg kigger på din sag.');
    await s.teams(s.thread(), { text: 'afslut' });
    expect(s.connector.textsTo(s.citizenConversation).join('\n')).to.include('Medarbejderen har afsluttet samtalen');
    expect(s.cardJson()).to.include('Afsluttet');
    // Back with the bot: a question is answered again.
    expect((await s.citizen('hvor længe kan jeg have en mentor?')).texts).to.include('6 måneder');
  });

  it('tells a waiting citizen they are still waiting, and lets them leave the queue', async () => {
    await handOff(s);
    expect((await s.citizen('Hallo?')).texts).to.include('Du venter stadig på en medarbejder');
    expect((await s.citizen('afslut')).texts).to.include('Du har afsluttet samtalen med medarbejderen');
    expect(s.connector.textsTo(s.thread())).to.include('Borgeren har afsluttet samtalen.');
  });

  it('refuses a caseworker from another tenant or channel', async () => {
    await handOff(s);
    const claim = { value: { mentorbot: 'claim', caseId: s.caseId() } };
    await s.teams(
      s.thread(),
      claim,
      { id: '29:evil', name: 'Eve', aadObjectId: 'aad-eve' },
      { tenant: 'other-tenant', channel: CHANNEL },
    );
    await s.teams(
      s.thread(),
      claim,
      { id: '29:evil', name: 'Eve', aadObjectId: 'aad-eve' },
      { tenant: TENANT, channel: '19:other@thread.tacv2' },
    );
    expect(
      s.connector.textsTo(s.thread()).filter((t) => t.includes('kun imod sager i den aftalte kanal')),
    ).to.have.length(2);
    expect(s.cardJson()).to.include('Overtag samtalen');
    expect(s.connector.textsTo(s.citizenConversation).join('\n')).not.to.include('Du taler nu med');
  });

  it('offers a call-back after the timeout, takes the number, and the card says so', async () => {
    await handOff(s);
    s.clock.now = new Date(s.clock.now.getTime() + 11 * 60_000);
    await s.handoff.relay.tick();
    expect(s.connector.textsTo(s.citizenConversation).join('\n')).to.include('Vil du hellere ringes op?');
    expect(s.cardJson()).to.include('Borgeren er tilbudt et opkald');
    const confirmed = await s.citizen('12 34 56 78');
    expect(confirmed.texts).to.include('En medarbejder ringer dig op');
    expect(confirmed.texts).not.to.include('Jeg gemmer ikke telefonnumre');
    expect(s.cardJson()).to.include('Ønsker opkald');
    expect(s.cardJson()).to.include('+4512345678');
    // The conversation is the bot's again.
    expect((await s.citizen('hvor længe kan jeg have en mentor?')).texts).to.include('6 måneder');
  });

  it('keeps the case when Teams cannot be reached, tells the citizen, and delivers it and their messages later', async () => {
    s.connector.state.down = true;
    const saved = await handOff(s);
    expect(saved.texts).to.include('Din henvendelse er gemt');
    await s.citizen('Jeg venter gerne.');
    s.connector.state.down = false;
    s.clock.now = new Date(s.clock.now.getTime() + 60_000);
    await s.handoff.relay.tick();
    expect(s.connector.calls.filter((c) => c.method === 'CREATE')).to.have.length(1);
    expect(s.cardJson()).to.include('Kan min mentor blive forlænget?');
    await s.handoff.relay.tick();
    expect(s.connector.textsTo(s.thread())).to.include('Borger: Jeg venter gerne\\.');
  });
});

describe('handoff: more cases', function () {
  this.timeout(20000);
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });
  afterEach(() => s.close());

  it('offers a caseworker after two questions in a row it cannot answer', async () => {
    await s.citizen('Stil et spørgsmål');
    expect((await s.citizen('svømmehallen')).texts).to.include('kan jeg desværre ikke svare på');
    expect((await s.citizen('blæksprutte')).texts).to.include('Vil du tale med en medarbejder?');
  });

  it('deletes a call-back number when its time is up, and the card says so', async () => {
    await handOff(s);
    s.clock.now = new Date(s.clock.now.getTime() + 11 * 60_000);
    await s.handoff.relay.tick();
    await s.citizen('12 34 56 78');
    s.clock.now = daysLater(s.clock.now, 31);
    await s.handoff.relay.tick();
    expect(s.cardJson()).not.to.include('+4512345678');
    expect(s.cardJson()).to.include('Telefonnummeret er slettet');
  });

  it('deletes the citizen\'s data on "slet mine data": the case, the card\'s contents and the conversation state', async () => {
    await handOff(s);
    const deleted = await s.citizen('slet mine data');
    expect(deleted.texts).to.include('Dine data er slettet');
    expect(s.cardJson()).not.to.include('Kan min mentor blive forlænget?');
    expect(s.cardJson()).to.include('bedt om at få sine data slettet');
    expect(s.connector.textsTo(s.thread()).join('\n')).to.include('Kortet er tømt');
    const stored = s.stored();
    expect(stored).not.to.include('Kan min mentor blive forlænget?');
    expect(stored).not.to.include(s.citizenConversation);
    // A new start afterwards.
    expect((await s.citizen('hej')).texts).to.include('Jeg er Mentorbot');
  });

  it('posts a case card once when the jobs of two instances retry its delivery at the same moment', async () => {
    s.connector.state.down = true;
    await handOff(s);
    s.connector.state.down = false;
    s.clock.now = new Date(s.clock.now.getTime() + 60_000);
    // The relay keeps nothing in memory: two ticks at once are what two instances' jobs on one storage do.
    await Promise.all([s.handoff.relay.tick(), s.handoff.relay.tick(), s.handoff.relay.tick()]);
    expect(s.connector.calls.filter((c) => c.method === 'CREATE')).to.have.length(1);
  });

  it('leaves a new case to the instance that created it while that instance posts the card', async () => {
    const slow = s.connector.calls.length;
    const asked = handOff(s);
    // Another instance's job runs while the card is being posted.
    while (s.connector.calls.length === slow) await new Promise((r) => setTimeout(r, 1));
    await s.handoff.relay.tick();
    await asked;
    expect(s.connector.calls.filter((c) => c.method === 'CREATE')).to.have.length(1);
  });

  it("never relays one citizen's messages into another citizen's case", async () => {
    await handOff(s);
    await s.teams(s.thread(), { value: { mentorbot: 'claim', caseId: s.caseId() } });
    const stranger = await setupStranger(s);
    expect(stranger).to.not.include('Borger:');
    expect(s.connector.textsTo(s.thread()).join('\n')).not.to.include('Jeg er en anden borger');
  });
});

/** A second citizen on the same bot writes; returns what the first case's thread received meanwhile. */
async function setupStranger(s: Setup): Promise<string> {
  const before = s.connector.textsTo(s.thread()).length;
  // The same bot, another conversation: it is answered by the bot, not relayed.
  const res = await s.otherCitizen('Jeg er en anden borger');
  expect(res).to.not.equal('');
  return s.connector.textsTo(s.thread()).slice(before).join('\n');
}

describe('handoff from the web chat', function () {
  this.timeout(20000);

  it("brings the caseworker's messages to the page through its Direct Line stream", async () => {
    const s = await setup();
    try {
      const p = await person(`${s.url}/v3/directline`);
      await p.say('Tal med en medarbejder');
      await p.say('Ja, del samtalen');
      const queued = await p.say('Hvor mange timer kan min mentor have?');
      expect(queued.texts).to.include('Du er nu i kø');
      const stream = await openStream(p.streamUrl);
      try {
        await s.teams(s.thread(), { value: { mentorbot: 'claim', caseId: s.caseId() } });
        await s.teams(s.thread(), { text: 'Hej, jeg hedder Mette.' });
        await stream.until('Hej, jeg hedder Mette.');
        expect(stream.text()).to.include('Du taler nu med Mette');
        expect(stream.text()).to.include('**Mette:** Hej, jeg hedder Mette.');
        expect(stream.activities().some((a) => a.type === 'event' && a.name === 'handoff.status')).to.equal(true);
      } finally {
        stream.close();
      }
    } finally {
      await s.close();
    }
  });
});

describe('handoff outside opening hours', function () {
  this.timeout(20000);

  // With the default settings (no HANDOFF_HOLIDAYS), at 10:00 on a weekday within the opening hours.
  const holidays: [string, string][] = [
    ['Christmas Day', '2026-12-25T10:00:00+01:00'],
    ['Good Friday', '2026-04-03T10:00:00+02:00'],
    ['Constitution Day (5 June)', '2026-06-05T10:00:00+02:00'],
  ];
  for (const [name, moment] of holidays) {
    it(`says the caseworkers are not in on ${name}, a weekday within the opening hours`, async () => {
      const s = await setup();
      try {
        s.clock.now = new Date(moment);
        expect(s.handoff.service.availability().open).to.equal(false);
        expect((await s.citizen('Tal med en medarbejder')).texts).to.include('Medarbejderne er her ikke lige nu');
      } finally {
        await s.close();
      }
    });
  }

  it('says the caseworkers are in on the Friday that was Store Bededag, abolished from 2024', async () => {
    const s = await setup();
    try {
      s.clock.now = new Date('2026-05-01T10:00:00+02:00');
      expect(s.handoff.service.availability().open).to.equal(true);
    } finally {
      await s.close();
    }
  });

  it('offers a call-back, asks for the number with its purpose and retention, and posts a call-back card', async () => {
    const s = await setup({ HANDOFF_OPENING_HOURS: 'man 00:00-00:01' });
    try {
      const closed = await s.citizen('Tal med en medarbejder');
      expect(closed.texts).to.include('Medarbejderne er her ikke lige nu');
      // It says when someone will call: the next opening, a Monday at midnight in Danish time.
      expect(closed.texts).to.match(/ringer en medarbejder dig op fra (i dag|mandag den \d+\. \p{L}+) kl\. 00\.00/u);
      expect((await s.citizen('Ja, ring mig op')).texts).to.match(/sletter det efter 30 dage/);
      expect((await s.citizen('det ved jeg ikke')).texts).to.include('Det ligner ikke et dansk telefonnummer');
      const given = (await s.citizen('+45 87 65 43 21')).texts;
      expect(given).to.match(/En medarbejder ringer dig op fra .* kl\. 00\.00/);
      // A number given for the call-back is not met with "we keep no phone numbers".
      expect(given).not.to.include('Jeg gemmer ikke telefonnumre');
      expect(s.cardJson()).to.include('Ønsker opkald');
      expect(s.cardJson()).to.include('+4587654321');
      expect(s.cardJson()).not.to.include('Overtag samtalen');
      // The citizen is not in a queue: the bot answers.
      expect((await s.citizen('hvor længe kan jeg have en mentor?')).texts).to.include('6 måneder');
    } finally {
      await s.close();
    }
  });
});
