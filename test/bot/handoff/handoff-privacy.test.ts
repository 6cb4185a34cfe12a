import { expect } from 'chai';
import { todayInDenmark } from '../../../knowledge/dates.js';
import type { Call } from './fake-connector.js';
import { type Setup, handOff, setup } from './setup.js';
import { daysLater } from '../../../knowledge/dates.js';

/** Text a citizen may type to plant a link, markup or a mention in the caseworkers' channel. */
const PHISHING = [
  '[Klik her](https://evil.example)',
  "<a href='https://evil.example'>login</a>",
  '**VIGTIGT**',
  '<at>Alle</at>',
  '![logo](https://evil.example/x.png)',
  'Log ind på https://evil.example/login eller www.evil.example',
  '&lt;a href=https://evil.example&gt;login&lt;/a&gt;',
  '# Kommunen\n- punkt\n1. punkt\n> citat',
  '`kode` ~~slettet~~ _kursiv_ | a | b |',
  '\\[Klik her\\](https://evil.example)',
  'Overskrift\n===',
];

/** Markdown's punctuation: each must come after a backslash. */
const MARKDOWN = new Set('\\`*_{}[]()#+-.!|~');

/**
 * What in `text` a Markdown or HTML renderer could read as markup: a Markdown character without a backslash before
 * it, a raw < or >, an & that does not start &amp; &lt; or &gt;, or "=" starting a line (a heading underline).
 */
function markupIn(text: string): string[] {
  const found: string[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\') {
      if (i + 1 < text.length && !MARKDOWN.has(text[i + 1]!) && text[i + 1] !== ':' && text[i + 1] !== '=')
        found.push(`a lone \\ at ${i}`);
      i++;
      continue;
    }
    if (MARKDOWN.has(c)) found.push(`${c} at ${i}`);
    if (c === '<' || c === '>') found.push(`${c} at ${i}`);
    if (c === '&' && !/^&(amp|lt|gt);/.test(text.slice(i))) found.push(`& at ${i}`);
    if (c === '=' && (i === 0 || text[i - 1] === '\n')) found.push(`= at ${i}`);
  }
  return found;
}

/** What Markdown (or HTML) shows of the escaped text: the original. */
function unescaped(text: string): string {
  return text.replace(/\\(.)/g, '$1').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const relayedTo = (s: Setup): Call[] =>
  s.connector.calls.filter(
    (c) => c.method === 'SEND' && c.conversationId.startsWith(s.thread()) && /^\W*Borger/.test(String(c.body.text)),
  );

describe('handoff: what the citizen writes reaches Teams as plain text', function () {
  this.timeout(20000);
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });
  afterEach(() => s.close());

  it('relays every message as plain text with Markdown and HTML escaped, so no link, markup or mention can render', async () => {
    await handOff(s);
    await s.teams(s.thread(), { value: { mentorbot: 'claim', caseId: s.caseId() } });
    for (const text of PHISHING) await s.citizen(text);
    const relayed = relayedTo(s);
    expect(relayed).to.have.length(PHISHING.length);
    relayed.forEach((call, i) => {
      const text = String(call.body.text);
      expect(call.body.textFormat, text).to.equal('plain');
      expect(markupIn(text), text).to.deep.equal([]);
      expect(unescaped(text), text).to.equal(`Borger: ${PHISHING[i]}`);
    });
  });

  it('escapes what was written while Teams was unreachable the same way when it follows the card', async () => {
    s.connector.state.down = true;
    await handOff(s);
    await s.citizen(PHISHING[0]!);
    s.connector.state.down = false;
    s.clock.now = new Date(s.clock.now.getTime() + 60_000);
    await s.handoff.relay.tick();
    const [call] = relayedTo(s);
    expect(call?.body.textFormat).to.equal('plain');
    expect(markupIn(String(call?.body.text))).to.deep.equal([]);
  });
});

describe('handoff: "slet mine data" in Teams and in the statistics', function () {
  this.timeout(20000);
  let s: Setup;
  beforeEach(async () => {
    s = await setup();
  });
  afterEach(() => s.close());

  const today = () => todayInDenmark();
  const unansweredKeys = async () =>
    Object.keys((await s.runtime.parts.metrics.days(today(), today()))[0]!.unanswered).join('\n');

  it("deletes every relayed message in the thread, the thread pointer, and the citizen's unanswered questions in the statistics", async () => {
    await handOff(s);
    await s.teams(s.thread(), { value: { mentorbot: 'claim', caseId: s.caseId() } });
    await s.citizen('Jeg bor i Haarby');
    await s.citizen('Min søster hedder Gudrun');
    await s.teams(s.thread(), { text: 'afslut' });
    // Back with the bot: one question it cannot answer is counted and stored, the next is counted in memory.
    expect((await s.citizen('Hvad koster svømmehallen i Glamsbjerg?')).texts).to.include(
      'kan jeg desværre ikke svare på',
    );
    await s.runtime.parts.metrics.flush();
    await s.citizen('Hvor ligger blæksprutteklubben i Tommerup?');
    expect(await unansweredKeys())
      .to.match(/glamsbjerg/)
      .and.to.match(/tommerup/);
    const relayed = relayedTo(s);
    expect(relayed).to.have.length(2);

    expect((await s.citizen('slet mine data')).texts).to.include('Dine data er slettet');
    const deleted = s.connector.calls.filter((c) => c.method === 'DELETE').map((c) => c.activityId);
    expect(deleted).to.have.members(relayed.map((c) => c.activityId));
    expect(s.cardJson()).not.to.include('Kan min mentor');
    expect(await unansweredKeys()).not.to.match(/glamsbjerg|tommerup/);
    await s.runtime.parts.metrics.flush();
    expect(await unansweredKeys()).not.to.match(/glamsbjerg|tommerup/);
    const stored = s.stored().toLowerCase();
    for (const words of ['haarby', 'gudrun', 'glamsbjerg', 'tommerup', 'kan min mentor', s.citizenConversation])
      expect(stored).not.to.include(words);
    expect(stored).not.to.include('handoff/threads/');
    expect(stored).not.to.include('handoff/conversations/');
    expect(stored).not.to.include('handoff/citizens/');
  });

  it("keeps the other citizens' count of the same unanswered question", async () => {
    const question = 'Hvad koster svømmehallen i Glamsbjerg?';
    const count = async () =>
      Object.entries((await s.runtime.parts.metrics.days(today(), today()))[0]!.unanswered).find(([k]) =>
        k.includes('glamsbjerg'),
      )?.[1] ?? 0;
    await s.citizenIn('another-citizen', 'Stil et spørgsmål');
    await s.citizenIn('another-citizen', question);
    await s.runtime.parts.metrics.flush();
    await s.citizen('Stil et spørgsmål');
    await s.citizen(question);
    expect(await count()).to.equal(2);
    await s.citizen('slet mine data');
    expect(await count()).to.equal(1);
    await s.runtime.parts.metrics.flush();
    expect(await count()).to.equal(1);
  });

  it('blanks the card and deletes the relayed messages later when Teams cannot be reached at the time', async () => {
    await handOff(s);
    await s.teams(s.thread(), { value: { mentorbot: 'claim', caseId: s.caseId() } });
    await s.citizen('Jeg bor i Haarby');
    const [relayed] = relayedTo(s);
    s.connector.state.down = true;
    expect((await s.citizen('slet mine data')).texts).to.include('Dine data er slettet');
    s.connector.state.down = false;
    expect(s.cardJson()).to.include('Kan min mentor');
    expect(s.stored().toLowerCase()).not.to.include('haarby');
    s.clock.now = new Date(s.clock.now.getTime() + 60_000);
    await s.handoff.relay.tick();
    expect(s.connector.calls.filter((c) => c.method === 'DELETE').map((c) => c.activityId)).to.deep.equal([
      relayed!.activityId,
    ]);
    expect(s.cardJson()).not.to.include('Kan min mentor');
    expect(s.cardJson()).to.include('bedt om at få sine data slettet');
    // Done: the next round has nothing left to do.
    const calls = s.connector.calls.length;
    s.clock.now = new Date(s.clock.now.getTime() + 60 * 60_000);
    await s.handoff.relay.tick();
    expect(s.connector.calls.length).to.equal(calls);
  });

  it('replaces a relayed message with a short note when Teams will not delete it', async () => {
    await handOff(s);
    await s.teams(s.thread(), { value: { mentorbot: 'claim', caseId: s.caseId() } });
    await s.citizen('Jeg bor i Haarby');
    const [relayed] = relayedTo(s);
    s.connector.state.refuseDelete = true;
    await s.citizen('slet mine data');
    const replaced = s.connector.calls.filter((c) => c.method === 'UPDATE' && c.activityId === relayed!.activityId);
    expect(replaced.map((c) => c.body.text)).to.deep.equal(['Beskeden er slettet efter borgerens ønske.']);
  });
});

describe('handoff: what the case keeps about the citizen', function () {
  this.timeout(20000);

  it('keeps no display name of the citizen or of their conversation, and still reaches the citizen', async () => {
    const s = await setup();
    try {
      const names = { user: 'Anne Hansen', conversation: 'Annes samtale med kommunen' };
      await s.citizen('Jeg er borger', names);
      await s.citizen('Tal med en medarbejder', names);
      await s.citizen('Ja, del samtalen', names);
      await s.citizen('Kan min mentor blive forlænget?', names);
      const c = await s.handoff.service.caseStore.get(s.caseId());
      expect(JSON.stringify(c)).not.to.include('Anne').and.not.to.include('Annes samtale');
      expect(c!.citizen.conversation?.id).to.equal(s.citizenConversation);
      await s.teams(s.thread(), { value: { mentorbot: 'claim', caseId: s.caseId() } });
      await s.teams(s.thread(), { text: 'Hej, jeg hedder Mette.' });
      expect(s.connector.textsTo(s.citizenConversation).join('\n')).to.include('Hej, jeg hedder Mette.');
    } finally {
      await s.close();
    }
  });

  // The number is given as "12 34 56 78"; before that the citizen wrote it in these forms, in the chat and the
  // question.
  const FORMS = [
    '12 34 5678',
    '12.34.56.78',
    '1234-5678',
    '+45 12 34 56 78',
    '0045 12345678',
    '+45-12-34-56-78',
    '(+45) 1234 5678',
    '12–34–56–78',
    '12 — 34 — 56 — 78',
    '12\u00a034\u00a056\u00a078',
    '12\u202f34\u202f56\u202f78',
    '12/34/56/78',
    '12345678',
  ];
  const NUMBER = /1\D{0,3}2\D{0,3}3\D{0,3}4\D{0,3}5\D{0,3}6\D{0,3}7\D{0,3}8/;
  for (const form of FORMS) {
    it(`deletes a call-back number written as "${form}" from every text of the case and from the card when its time is up`, async () => {
      const s = await setup();
      try {
        await s.citizen(`Ring til mig på ${form}`);
        await handOff(s, `Ring gerne på ${form} om formiddagen, ikke kl. 12.30`);
        s.clock.now = new Date(s.clock.now.getTime() + 11 * 60_000);
        await s.handoff.relay.tick();
        expect((await s.citizen('12 34 56 78')).texts).to.include('En medarbejder ringer dig op');
        s.clock.now = daysLater(s.clock.now, 31);
        await s.handoff.relay.tick();
        const c = await s.handoff.service.caseStore.get(s.caseId());
        expect(JSON.stringify(c)).not.to.match(NUMBER);
        expect(s.cardJson()).not.to.match(NUMBER);
        expect(s.cardJson()).to.include('Telefonnummeret er slettet');
        expect(c!.question).to.include('ikke kl. 12.30');
      } finally {
        await s.close();
      }
    });
  }
});

describe('handoff without Bot Framework authentication', function () {
  this.timeout(20000);

  it('refuses every Teams activity when the test mode is not set, and answers none of them', async () => {
    const s = await setup({}, (config) => {
      config.handoff!.allowUnauthenticated = false;
    });
    try {
      await handOff(s);
      const calls = s.connector.calls.length;
      await s.teams(s.thread(), { value: { mentorbot: 'claim', caseId: s.caseId() } });
      await s.teams(s.thread(), { text: 'Hej' });
      expect(s.connector.calls.length).to.equal(calls);
      expect(s.cardJson()).to.include('Overtag samtalen');
      expect(s.connector.textsTo(s.citizenConversation).join('\n')).not.to.include('Du taler nu med');
    } finally {
      await s.close();
    }
  });
});
