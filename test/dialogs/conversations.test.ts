import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import YAML from 'yaml';
import { filesBelow } from '../../knowledge/files.js';
import { projectRoot } from '../../knowledge/paths.js';
import { ConversationDriver, type Turn } from './driver.js';
import { parseOpeningHours } from '../../bot/handoff/opening-hours.js';

/**
 * Transcript tests in the CoreBot style: each case in test/cases/conversations/*.yaml is a table of
 * [person says, what the bot's replies must hold] rows, played against the whole bot with a fixed date.
 */
type Step = [string, string[]] | { user: string; bot?: string[]; not?: string[]; buttons?: string[]; replies?: number };

interface Case {
  name: string;
  today?: string;
  locale?: string;
  /** The municipality's contact settings (MUNICIPALITY_*), hours as in MUNICIPALITY_PHONE_HOURS. */
  contact?: { municipality?: string; phone?: string; url?: string; hours?: string };
  steps: Step[];
}

function contactOf(c: Case['contact']) {
  if (!c) return {};
  const contact = {
    municipality: c.municipality ?? null,
    phone: c.phone ?? null,
    url: c.url ?? null,
    hours: c.hours ? parseOpeningHours(c.hours) : null,
  };
  return { contact };
}

const JOIN = '<join>';

function normalise(step: Step) {
  return Array.isArray(step) ? { user: step[0], bot: step[1], not: [] as string[] } : { bot: [], not: [], ...step };
}

/** Fragments must appear in the turn's replies in the given order. */
function expectInOrder(turn: Turn, fragments: string[], where: string) {
  let from = 0;
  for (const f of fragments) {
    const at = turn.all.indexOf(f, from);
    if (at < 0) expect.fail(`${where}: expected "${f}" (in this order) in:\n${turn.all}`);
    from = at + f.length;
  }
}

const dir = join(projectRoot(), 'test', 'cases', 'conversations');
for (const file of filesBelow(dir, ['.yaml'])) {
  const cases = (YAML.parse(readFileSync(file, 'utf8')) as { conversations: Case[] }).conversations;
  describe(`conversations: ${file.slice(dir.length + 1)}`, () => {
    for (const c of cases) {
      it(c.name, async () => {
        const driver = new ConversationDriver({
          ...(c.today ? { today: c.today } : {}),
          ...(c.locale ? { locale: c.locale } : {}),
          ...contactOf(c.contact),
        });
        for (const [i, raw] of c.steps.entries()) {
          const step = normalise(raw);
          const user = String(step.user);
          const where = `step ${i + 1} ("${user.slice(0, 40)}")`;
          const turn = user === JOIN ? await driver.join() : await driver.say(user);
          expect(turn.replies.length, `${where}: the bot said nothing`).to.be.greaterThan(0);
          expectInOrder(turn, step.bot.map(String), where);
          for (const f of step.not) expect(turn.all, `${where}: must not say "${f}"`).not.to.include(f);
          if (step.buttons) expect(turn.buttons, `${where}: buttons`).to.deep.equal(step.buttons);
          if (step.replies !== undefined)
            expect(turn.replies.length, `${where}: number of replies`).to.equal(step.replies);
        }
      });
    }
  });
}
