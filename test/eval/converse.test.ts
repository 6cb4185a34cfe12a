import { expect } from 'chai';
import { MemoryStorage } from 'botbuilder';
import { createApp } from '../../bot/app.js';
import { readConfig } from '../../bot/config.js';
import { createBotRuntime } from '../../bot/runtime.js';
import { knowledgeBase } from '../helpers.js';
import { citationMatches, converse } from './converse.js';
import type { Person } from './people.js';
import { scoreQuestions } from './score.js';

const app = () =>
  createApp(
    knowledgeBase(),
    createBotRuntime(readConfig({ LOG_LEVEL: 'silent', STORAGE: 'memory' }), knowledgeBase(), {
      storage: new MemoryStorage(),
      today: () => '2026-11-29',
    }),
  );

describe('the simulated-people runner', function () {
  this.timeout(20000);

  it('matches a citation to the provision or a part of it, not to a neighbour', () => {
    expect(citationMatches('LAB § 167, stk. 2', 'LAB § 167, stk. 2')).to.equal(true);
    expect(citationMatches('LAB § 167, stk. 1, 2. pkt.', 'LAB § 167, stk. 1')).to.equal(true);
    expect(citationMatches('Integrationsloven § 23 d, stk. 1', 'integrationsloven § 23 d')).to.equal(true);
    expect(citationMatches('LAB § 167, stk. 2', 'LAB § 167, stk. 1')).to.equal(false);
    expect(citationMatches('LAB § 1670', 'LAB § 167')).to.equal(false);
  });

  it("plays a person who answers the bot's questions in their own words to the right, cited conclusion", async () => {
    const person: Person = {
      name: 'ledig på kontanthjælp, udskrives snart',
      lang: 'da',
      opening: 'hej jeg skal snart ud fra psykiatrisk afdeling, kan jeg få hjælp af en mentor',
      answers: { situation: 'jeg er ledig', benefit: 'jeg er på kontanthjælp', age: '40', mentorSoFar: 'nej' },
      expect: { kinds: ['right'], citation: 'LAB § 167, stk. 2' },
    };
    const result = await converse(app(), person);
    expect(result.reached, result.lines.join('\n')).to.equal(true);
    expect(result.lines.join('\n')).to.include('Hvilken ydelse');
  });

  it('does not count a conclusion the bot never reached', async () => {
    const person: Person = {
      name: 'ordinært job, ingen ydelse',
      lang: 'da',
      opening: 'jeg har et fast job og vil gerne have en mentor',
      answers: { age: '45', mentorSoFar: 'nej' },
      expect: { kinds: ['right'], citation: 'LAB § 167, stk. 2' },
    };
    expect((await converse(app(), person)).reached).to.equal(false);
  });
});

describe('the question scoring', () => {
  const q = (expect: string[]) => ({ q: 'x', lang: 'da' as const, expect });

  it('counts pointing elsewhere as a direct answer with that article, and as declined when nothing was asked of us', () => {
    const pointed = () => ({ status: 'none' as const, ids: [], pointedTo: 'udenfor-sygedagpenge' });
    const r = scoreQuestions([q(['udenfor-sygedagpenge']), q(['varighed']), q([])], pointed);
    expect(r.directRight).to.equal(1);
    expect(r.confidentWrong).to.equal(1);
    expect(r.declined).to.equal(1);
  });
});
