import { expect } from 'chai';
import type { HandoffCase } from '../../../bot/handoff/case.js';
import { withoutNames } from '../../../bot/handoff/case.js';
import { PHONE_DELETED, forgotten, phonePattern, withoutPhone } from '../../../bot/handoff/erase.js';

function caseWith(text: string, phone = '+4512345678'): HandoffCase {
  return {
    caseId: 'c-1',
    status: 'callback',
    lang: 'da',
    citizen: { channelId: 'emulator', conversation: { id: 'conv-1', isGroup: false, conversationType: '', name: '' } },
    situation: [{ label: 'Situation', value: 'Ledig' }],
    outcomes: [{ text: 'Du kan få en mentor.', citations: [] }],
    question: `Spørgsmål: ${text}`,
    transcript: [
      { from: 'user', text: `Chat: ${text}`, at: '' },
      { from: 'bot', text: 'Tak.', at: '' },
    ],
    createdAt: '2026-11-23T09:00:00Z',
    thread: null,
    delivery: { attempts: 0, nextAttemptAt: null, lastError: null },
    pendingRelay: [`Venter: ${text}`],
    relayed: ['act-1'],
    claimedBy: null,
    claimedAt: null,
    endedAt: null,
    callback: { phone, deleteAfter: '2026-12-23T09:00:00Z' },
    timedOut: true,
    note: `Note: ${text}`,
  };
}

/** Every text of the case that a citizen's words reach (the bot's line of the conversation aside). */
const textsOf = (c: HandoffCase) => [c.question, c.transcript[0]!.text, ...c.pendingRelay, c.note ?? ''];

describe('deleting a call-back number from a case', () => {
  const forms = [
    '12345678',
    '12 34 56 78',
    '12 34 5678',
    '1234 5678',
    '12.34.56.78',
    '1234-5678',
    '12-34-56-78',
    '12/34/56/78',
    '12_34_56_78',
    '12–34–56–78',
    '12—34—56—78',
    '12 − 34 − 56 − 78',
    '12\u00a034\u00a056\u00a078',
    '12\u202f34\u202f56\u202f78',
    '12\u200b34\u200b56\u200b78',
    '1 2 3 4 5 6 7 8',
    '+4512345678',
    '+45 12 34 56 78',
    '+45-12-34-56-78',
    '+45.12.34.56.78',
    '0045 12 34 56 78',
    '004512345678',
    '(+45) 1234 5678',
    '(0045) 12 34 56 78',
  ];
  for (const form of forms) {
    it(`removes "${form}" from the question, the conversation, the waiting messages and the note`, () => {
      const c = withoutPhone(caseWith(`ring på ${form} tak`));
      for (const text of textsOf(c)) {
        expect(text).to.include(`ring på ${PHONE_DELETED} tak`);
        expect(text).not.to.match(/\d/);
      }
      expect(c.callback).to.deep.include({ phone: '' });
    });
  }

  const others = [
    ['another number', 'ring hellere på 87 65 43 21'],
    ['a longer run of digits', 'sagsnummer 123456789 og 912345678'],
    ['a time and an amount', 'kl. 12.30 koster 1.234,56 kr.'],
    ['the digits too far apart', 'i 12 dage, 34 timer og 56 minutter, 78 %'],
    ['the digits in another order', '21 43 65 87'],
  ];
  for (const [what, text] of others) {
    it(`leaves ${what} alone: "${text}"`, () => {
      expect(withoutPhone(caseWith(text!)).question).to.equal(`Spørgsmål: ${text}`);
    });
  }

  it('matches the number given with its country code or without', () => {
    expect('12 34 56 78').to.match(phonePattern('+4512345678'));
    expect('12 34 56 78').to.match(phonePattern('12345678'));
  });

  it('leaves a case without a call-back number as it is', () => {
    const c = { ...caseWith('12 34 56 78'), callback: null };
    expect(withoutPhone(c)).to.equal(c);
  });
});

describe('a case after "slet mine data"', () => {
  it('keeps nothing the citizen shared, only a note and the ids of the relayed messages', () => {
    const c = forgotten(caseWith('Jeg bor i Haarby'));
    expect(JSON.stringify(c)).not.to.match(/Haarby|Ledig|mentor|12345678/);
    expect(c).to.include({ status: 'ended', question: '', note: 'Borgeren har bedt om at få sine data slettet.' });
    expect(c.relayed).to.deep.equal(['act-1']);
  });

  it('stays "declined" when the caseworkers had declined it', () => {
    expect(forgotten({ ...caseWith(''), status: 'declined' }).status).to.equal('declined');
  });
});

describe("the citizen's conversation reference on a case", () => {
  it('has the display names blanked and keeps what routes', () => {
    const reference = {
      channelId: 'msteams',
      serviceUrl: 'https://smba.example/',
      user: { id: 'u-1', name: 'Anne Hansen', role: 'user' },
      bot: { id: 'b-1', name: 'Mentorbot' },
      conversation: { id: 'conv-1', name: 'Annes samtale', isGroup: false, conversationType: 'personal' },
    };
    expect(withoutNames(reference)).to.deep.equal({
      ...reference,
      user: { id: 'u-1', name: '', role: 'user' },
      conversation: { id: 'conv-1', name: '', isGroup: false, conversationType: 'personal' },
    });
  });
});
