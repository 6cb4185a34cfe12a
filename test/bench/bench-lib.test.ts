import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import {
  type ReplyTally,
  conversationRequests,
  formatSpread,
  formatTable,
  newTally,
  parseProcStat,
  parseSchedstat,
  spread,
  verdict,
} from './bench-lib.js';
import { BOT_MIX, type Conversation, EARLY_TURN, LATE_TURN, LONG_CONVERSATION, WELCOME } from './bot-mix.js';
import { WELCOME_KEY, replyToSend, turnKey } from './io-script.js';

interface Sent {
  type: string;
  text?: string;
  conversation: { id: string };
  from: { id: string };
  deliveryMode: string;
}

/** Plays a sequence the way one autocannon connection does: in order, one context per connection. */
function play(mix: readonly Conversation[], rounds: number): Sent[] {
  const requests = conversationRequests(mix, { answered: 0, silent: 0 });
  const context: Record<string, unknown> = {};
  const sent: Sent[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const request of requests) {
      const built = request.setupRequest!({ method: 'POST', path: '/api/messages' }, context);
      sent.push(JSON.parse(String(built!.body)));
    }
  }
  return sent;
}

describe('bot benchmark helpers', () => {
  describe('the conversation sequence', () => {
    it('plays every conversation of the mix in order, the welcome as a conversationUpdate and the rest as messages', () => {
      const sent = play(BOT_MIX, 1);
      expect(sent.map((a) => (a.type === 'conversationUpdate' ? WELCOME : a.text))).to.deep.equal(BOT_MIX.flat());
      expect(sent.every((a) => a.deliveryMode === 'expectReplies')).to.equal(true);
    });

    it('gives each conversation a fresh conversation and user id, shared by all its turns', () => {
      const sent = play(BOT_MIX, 2);
      const ids: string[] = [];
      let i = 0;
      for (const conversation of [...BOT_MIX, ...BOT_MIX]) {
        const turns = sent.slice(i, i + conversation.length);
        i += conversation.length;
        expect(new Set(turns.map((a) => a.conversation.id)).size).to.equal(1);
        expect(new Set(turns.map((a) => a.from.id)).size).to.equal(1);
        ids.push(turns[0]!.conversation.id);
      }
      expect(new Set(ids).size).to.equal(BOT_MIX.length * 2);
    });

    it('counts 200 answers with a message as answered and those without as silent, and ignores other statuses', () => {
      const tally: ReplyTally = { answered: 0, silent: 0 };
      const [first] = conversationRequests(BOT_MIX, tally);
      first!.onResponse!(200, '{"activities":[{"type":"typing"},{"type":"message","text":"Hej"}]}', {}, {});
      first!.onResponse!(200, '{"activities":[]}', {}, {});
      first!.onResponse!(500, 'oops', {}, {});
      expect(tally).to.deep.equal({ answered: 1, silent: 1 });
    });

    it('counts the messages and bytes of the answers when the tally asks for them', () => {
      const tally = newTally();
      const [first] = conversationRequests(BOT_MIX, tally);
      const body = '{"activities":[{"type":"message","text":"æ"},{"type":"message","text":"b"}]}';
      first!.onResponse!(200, body, {}, {});
      expect(tally).to.deep.equal({ answered: 1, silent: 0, messages: 2, bytes: Buffer.byteLength(body) });
    });

    it('refuses a mix whose conversation does not start with the welcome', () => {
      const bad = [['hej', 'med dig']] as unknown as Conversation[];
      expect(() => conversationRequests(bad, { answered: 0, silent: 0 })).to.throw(/does not start with WELCOME/);
    });
  });

  describe('/proc/<pid>/stat', () => {
    it('reads utime, stime and rss even when the process name holds spaces and parentheses', () => {
      const rest = 'S 1 2 3 4 5 6 7 8 9 10 250 40 0 0 20 0 1 0 100 123456 777 rest';
      expect(parseProcStat(`4242 (node (my bot)) ${rest}`)).to.deep.equal({ utime: 250, stime: 40, rssPages: 777 });
    });

    it("reads this process's own stat file", function () {
      if (process.platform !== 'linux') this.skip();
      const stat = parseProcStat(readFileSync('/proc/self/stat', 'utf8'));
      expect(stat.utime + stat.stime).to.be.greaterThan(0);
      expect(stat.rssPages).to.be.greaterThan(0);
    });

    it('refuses text that is not a stat line', () => {
      expect(() => parseProcStat('nonsense')).to.throw();
    });
  });

  describe('the mix', () => {
    it('holds a conversation of 40 turns whose last turn asks what its third asked', () => {
      expect(BOT_MIX).to.include(LONG_CONVERSATION);
      expect(LONG_CONVERSATION).to.have.length(LATE_TURN);
      expect(LONG_CONVERSATION[LATE_TURN - 1]).to.equal(LONG_CONVERSATION[EARLY_TURN - 1]);
    });
  });

  describe('the I/O-equivalent script', () => {
    it('keys a turn by the texts of its conversation so far, so the same words after another path differ', () => {
      const a = turnKey(turnKey(WELCOME_KEY, 'Jeg er borger'), 'nej');
      expect(a).to.equal(turnKey(turnKey(WELCOME_KEY, 'Jeg er borger'), 'nej'));
      expect(a).not.to.equal(turnKey(turnKey(WELCOME_KEY, 'Jeg er arbejdsgiver'), 'nej'));
    });

    it('replays a reply without the fields the adapter fills in', () => {
      const reply = { type: 'message', text: 'Hej', id: '1', timestamp: 't', conversation: { id: 'c' }, from: {} };
      expect(replyToSend(reply)).to.deep.equal({ type: 'message', text: 'Hej' });
    });
  });

  describe('figures over rounds', () => {
    it('gives the median and range, ignoring what was not measured', () => {
      expect(spread([3, 1, 2])).to.deep.equal({ median: 2, min: 1, max: 3 });
      expect(spread([4, 1, 2, 3, NaN])).to.deep.equal({ median: 2.5, min: 1, max: 4 });
      expect(formatSpread(spread([1.234, 1.5, 2]))).to.equal('1.50 (1.23-2.00)');
      expect(formatSpread(spread([]))).to.equal('n/a');
    });

    it('says whether a figure meets its goal, and by how much it misses', () => {
      expect(verdict(1.2, 1.25)).to.equal('met');
      expect(verdict(1.5, 1.25)).to.equal('NOT met, 20 % over');
      expect(verdict(NaN, 1.25)).to.equal('not measured');
    });

    it("reads a thread's CPU nanoseconds from schedstat", () => {
      expect(parseSchedstat('49738123 0 1\n')).to.equal(49738123);
      expect(() => parseSchedstat('x')).to.throw(/schedstat/);
    });

    it('aligns a table: the first column left, the others right', () => {
      expect(
        formatTable([
          ['', 'a', 'bb'],
          ['ours', '10', '2'],
        ]),
      ).to.equal('       a  bb\nours  10   2');
    });
  });
});
