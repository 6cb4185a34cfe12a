import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parse as parseYaml } from 'yaml';
import { projectRoot } from '../../knowledge/paths.js';
import { ConversationDriver } from './driver.js';

interface Story {
  text: string;
  today?: string;
  bot: string[];
  not?: string[];
}

/** Fragments must appear in the text in the given order. */
function inOrder(all: string, fragments: string[]): string | null {
  let from = 0;
  for (const f of fragments) {
    const at = all.indexOf(f, from);
    if (at < 0) return f;
    from = at + f.length;
  }
  return null;
}

describe('understanding: the first answer to a life story is about the person', () => {
  const stories = (
    parseYaml(readFileSync(join(projectRoot(), 'test', 'cases', 'understanding', 'life-stories.yaml'), 'utf8')) as {
      stories: Story[];
    }
  ).stories;
  for (const story of stories) {
    it(`answers "${story.text.slice(0, 70)}"`, async () => {
      const driver = new ConversationDriver({ ...(story.today ? { today: story.today } : {}) });
      await driver.join();
      const turn = await driver.say(story.text);
      const missing = inOrder(turn.all, story.bot);
      if (missing !== null) expect.fail(`expected "${missing}" (in this order) in:\n${turn.all}`);
      for (const f of story.not ?? []) expect(turn.all).not.to.include(f);
    });
  }
});

describe("understanding: answers to the intake's questions in free words", () => {
  /** Each row: the path, answers before, the free answer, and what the bot must say next (the next question). */
  const rows: { name: string; before: string[]; say: string; next: string[]; not?: string[] }[] = [
    {
      name: 'an age and a benefit in one sentence at the situation question',
      before: ['Jeg er borger'],
      say: 'jeg er 45 og på dagpenge',
      next: ['udskrevet fra en psykiatrisk indlæggelse'],
      not: ['a-kasse', 'Hvilken ydelse', 'Hvor gammel'],
    },
    {
      name: 'a correction of the situation while the benefit is asked',
      before: ['Jeg er borger', 'ledig'],
      say: 'nej, jeg er sygemeldt, ikke ledig',
      next: ['Hvilken ydelse'],
    },
    {
      name: 'a "ja" at the discharge question that goes on about an admission to an education',
      before: ['Jeg er borger', 'ledig', 'kontanthjælp'],
      say: 'ja jeg er optaget for en måned siden',
      next: ['Det har jeg noteret', 'udskrevet fra en psykiatrisk indlæggelse'],
      not: ['Det har du ret til'],
    },
    {
      name: 'an admission told without a "ja" at the discharge question',
      before: ['Jeg er borger', 'ledig', 'kontanthjælp'],
      say: 'indlagt i 3 uger, udskrives om en uge',
      next: ['Hvor gammel er du?'],
      not: ['Mente du', 'Gælder det dig nu eller snart?'],
    },
    {
      name: 'an admission years back at the discharge question',
      before: ['Jeg er borger', 'ledig', 'kontanthjælp'],
      say: 'nej. eller jo, jeg var indlagt i 2019, men ikke siden',
      next: ['Hvor gammel er du?'],
      not: ['Det har du ret til'],
    },
    {
      name: '"ok. 36" at the age question',
      before: ['Jeg er borger', 'Jeg forsørger mig selv', 'ved ikke'],
      say: 'ok. 36',
      next: ['Har du allerede en mentor?'],
    },
    {
      name: 'half a year with a mentor',
      before: ['Jeg er borger', 'Jeg forsørger mig selv', 'ved ikke', '52'],
      say: 'har haft en i et halvt år',
      next: ['Du har haft mentor i 6 måneder'],
    },
    {
      name: 'the kontanthjælp sentence at the situation question',
      before: ['Jeg er borger'],
      say: 'Jeg er på kontanthjælp og vil gerne have hjælp til at komme i job',
      next: ['udskrevet fra en psykiatrisk indlæggelse'],
      not: ['Det kan jeg desværre ikke'],
    },
    {
      name: 'an employee by name as the mentor',
      before: ['Jeg er arbejdsgiver', 'ja'],
      say: 'en af vores egne, Bente fra lageret',
      next: ['flere personer'],
    },
    {
      name: "an employer's hours question inside the employer path",
      before: ['Jeg er arbejdsgiver'],
      say: 'hvor mange timer om ugen kan vi få dækket?',
      // The employer's articles on what the support comes to, not the citizen's hours article.
      next: ['hvor meget støtte vi kan få'],
      not: ['CV', 'Det kan jeg desværre ikke', 'Hvor mange timer får jeg'],
    },
  ];
  for (const row of rows) {
    it(`reads ${row.name}`, async () => {
      const driver = new ConversationDriver();
      await driver.join();
      for (const b of row.before) await driver.say(b);
      const turn = await driver.say(row.say);
      const missing = inOrder(turn.all, row.next);
      if (missing !== null) expect.fail(`expected "${missing}" in:\n${turn.all}`);
      for (const f of row.not ?? []) expect(turn.all).not.to.include(f);
    });
  }
});
