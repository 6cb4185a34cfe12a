import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { MemoryStorage } from 'botbuilder';
import YAML from 'yaml';
import { log } from '../../bot/log.js';
import { filesBelow } from '../../knowledge/files.js';
import { projectRoot } from '../../knowledge/paths.js';
import { ConversationDriver } from '../dialogs/driver.js';

/** What must never be stored or logged, written the ways people write them. */
const PERSONAL = [
  { what: 'CPR number', pattern: /(?<![\d-])(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2])\d{2}[-\s]?\d{4}(?!\d)/ },
  { what: 'e-mail address', pattern: /[\w.+-]+@[\w-]+\.[\w.-]+/ },
  // Not inside an id (a UUID's first part can be 8 digits).
  { what: 'phone number', pattern: /(?<![\w.-])(?:\+45\s?)?\d{2}\s?\d{2}\s?\d{2}\s?\d{2}(?![\w.-])/ },
];

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
/** Public numbers the bot itself gives (the crisis line Livslinien in the crisis reply): nobody's personal data. */
const PUBLIC_NUMBERS = /\+4570201201|70 201 201/g;
const withoutIds = (text: string): string => text.replace(UUID, '<id>').replace(PUBLIC_NUMBERS, '<public>');

describe('privacy sweep', function () {
  this.timeout(60000);

  it('finds no CPR number, e-mail address or phone number in any log line or stored record after all the conversations', async () => {
    const storage = new MemoryStorage();
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    log.setLevel('info');
    process.stdout.write = ((chunk: unknown) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      const dir = join(projectRoot(), 'test', 'cases', 'conversations');
      for (const file of filesBelow(dir, ['.yaml'])) {
        const cases = (
          YAML.parse(readFileSync(file, 'utf8')) as { conversations: { steps: unknown[]; today?: string }[] }
        ).conversations;
        for (const [i, c] of cases.entries()) {
          const driver = new ConversationDriver({
            storage,
            conversationId: `${file}-${i}`,
            ...(c.today ? { today: c.today } : {}),
          });
          for (const step of c.steps) {
            const user = String(Array.isArray(step) ? step[0] : (step as { user: unknown }).user);
            if (user === '<join>') await driver.join();
            else await driver.say(user);
          }
        }
      }
      // And someone who shares everything at once.
      const driver = new ConversationDriver({ storage, conversationId: 'oversharer' });
      await driver.join();
      await driver.say(
        'Jeg hedder Søren, cpr 120390-1234, mail soren.aero@kommune.dk, tlf +45 12 34 56 78. Kan jeg få en mentor?',
      );
      await driver.say('Jeg er borger');
      await driver.say('ring til mig på 87654321');
    } finally {
      process.stdout.write = write;
      log.setLevel('silent');
    }
    // The SDK's dialog version hashes and the storage's eTags are numbers, not personal data: leave them out. So are
    // random ids (a UUID such as 'ab120782-4842-…' holds what looks like a CPR number).
    const stored = withoutIds(
      JSON.stringify((storage as unknown as { memory: Record<string, string> }).memory).replace(
        /\\"(version|eTag)\\":\\"-?\d+\\"/g,
        '',
      ),
    );
    expect(stored).to.include('Kan jeg få en mentor');
    for (const { what, pattern } of PERSONAL) {
      expect(pattern.exec(stored)?.[0], `${what} in a stored record`).to.equal(undefined);
      for (const line of lines)
        expect(pattern.exec(withoutIds(line))?.[0], `${what} in a log line`).to.equal(undefined);
    }
  });
});
