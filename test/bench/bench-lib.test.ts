import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import {
  type BotFigures,
  type ReplyTally,
  conversationRequests,
  cpuMsPerTurn,
  formatTable,
  parseProcStat,
} from './bench-lib.js';
import { BASELINE_MIX, BOT_MIX, type Conversation, WELCOME } from './bot-mix.js';

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
      const [first] = conversationRequests(BASELINE_MIX, tally);
      first!.onResponse!(200, '{"activities":[{"type":"typing"},{"type":"message","text":"Hej"}]}', {}, {});
      first!.onResponse!(200, '{"activities":[]}', {}, {});
      first!.onResponse!(500, 'oops', {}, {});
      expect(tally).to.deep.equal({ answered: 1, silent: 1 });
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

  describe('the table', () => {
    const figures = (label: string, turns: number, cpuTicks: number): BotFigures => ({
      label,
      turns,
      seconds: 10,
      p50: 4,
      p99: 12.5,
      non2xx: 0,
      errors: 0,
      silent: 0,
      cpuTicks,
      rssMiB: 120,
    });

    it('gives server CPU milliseconds per turn from clock ticks', () => {
      expect(cpuMsPerTurn(figures('x', 2000, 500), 100)).to.equal(2.5);
    });

    it('shows both bots and the CPU ratio ours/baseline against the goal of 1.25', () => {
      const table = formatTable(figures('ours', 1000, 130), figures('baseline', 1000, 100), 100);
      expect(table).to.match(/^\s+turns\s+turns\/s\s+p50 ms\s+p99 ms\s+non-2xx\s+CPU ms\/turn\s+RSS MiB$/m);
      expect(table).to.match(/^ours\s+1000\s+100\.0\s+4\.0\s+12\.5\s+0\s+1\.300\s+120$/m);
      expect(table).to.include('CPU per turn, ours / baseline: 1.30  (goal ≤ 1.25: NOT met)');
      expect(formatTable(figures('ours', 1000, 110), figures('baseline', 1000, 100), 100)).to.include(
        '1.10  (goal ≤ 1.25: met)',
      );
    });
  });
});
