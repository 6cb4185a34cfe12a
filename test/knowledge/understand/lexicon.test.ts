import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'chai';
import { parse as parseYaml } from 'yaml';
import { projectRoot } from '../../../knowledge/paths.js';
import { compilePhrase, findPhrase, splitWords } from '../../../knowledge/understand/phrases.js';
import { knowledgeBase } from '../../helpers.js';

interface Row {
  text: string;
  facts: Record<string, string | boolean>;
  kinds?: string[];
  notKinds?: string[];
}

describe("the lexicon: what people's own words say", () => {
  const kb = knowledgeBase();
  const rows = (
    parseYaml(readFileSync(join(projectRoot(), 'test', 'cases', 'understanding', 'facts.yaml'), 'utf8')) as {
      rows: Row[];
    }
  ).rows;
  for (const row of rows) {
    it(`reads "${row.text.slice(0, 60)}" as ${JSON.stringify(row.facts)}`, () => {
      const reading = kb.lexicon.read(row.text);
      const facts = Object.fromEntries(Object.entries(reading.facts).map(([k, v]) => [k, v!.value]));
      expect(facts).to.deep.equal(row.facts);
      for (const kind of row.kinds ?? []) expect(reading.kinds, kind).to.include(kind);
      for (const kind of row.notKinds ?? []) expect(reading.kinds, kind).not.to.include(kind);
    });
  }

  it('says which words gave a fact, as the person wrote them', () => {
    const reading = kb.lexicon.read('Jeg bliver udskrevet fra den psykiatriske afdeling snart');
    expect(reading.facts.psychiatricDischarge).to.deep.equal({
      value: true,
      said: 'udskrevet fra den psykiatriske afdeling',
    });
  });

  it('marks a message written for somebody else', () => {
    expect(kb.lexicon.read('min søn er indlagt på psykiatrisk afdeling').aboutOther).to.equal(true);
    expect(kb.lexicon.read('jeg er indlagt på psykiatrisk afdeling').aboutOther).to.equal(false);
  });

  it('marks the scheme described without its name, at work or in education, and not help with other things', () => {
    const described = [
      'Min mor har fået job i et storkøkken, men hun er bange for ikke at kunne følge med. Kan nogen støtte hende?',
      'Vi har ansat en ung fyr på lageret. Han har brug for, at en af os går ved siden af ham. Kan vi få hjælp?',
      'får vi noget for de timer lars bruger på at lære den nye op',
      'Can we get compensated for the extra time a colleague spends with our new employee?',
    ];
    for (const text of described) expect(kb.lexicon.read(text).describesMentor, text).to.equal(true);
    for (const text of ['er der nogen der kan hjælpe mig med min selvangivelse', 'kan nogen hjælpe mig med at flytte'])
      expect(kb.lexicon.read(text).describesMentor, text).to.equal(false);
  });
});

describe('phrase patterns', () => {
  const find = (pattern: string, text: string) =>
    findPhrase(splitWords(text), compilePhrase(pattern)).map((m) => m.said);

  it('match whole words after folding æøå and their typed spellings', () => {
    expect(find('kontanthjælp', 'jeg får kontanthjaelp')).to.deep.equal(['kontanthjaelp']);
    expect(find('kontanthjælp', 'jeg får kontanthjælpen')).to.deep.equal([]);
    expect(find('kontanthjælp*', 'jeg får kontanthjælpen')).to.deep.equal(['kontanthjælpen']);
  });

  it('take "~" as up to two words, "~3" as up to three, and groups with several words', () => {
    expect(find('udskrevet ~ psyk*', 'udskrevet fra den psykiatriske')).to.deep.equal([
      'udskrevet fra den psykiatriske',
    ]);
    expect(find('udskrevet ~ psyk*', 'udskrevet fra den lukkede psykiatriske')).to.deep.equal([]);
    expect(find('udskrevet ~3 psyk*', 'udskrevet fra den lukkede psykiatriske')).to.have.length(1);
    expect(find('(forsørger mig selv|selvforsørgende)', 'jeg forsørger mig selv')).to.deep.equal([
      'forsørger mig selv',
    ]);
  });

  it('take "*word" as a word that ends so, "*" as any word and "#" as a number', () => {
    expect(find('*firma', 'vi er et rengøringsfirma')).to.deep.equal(['rengøringsfirma']);
    expect(find('* fra lageret', 'Bente fra lageret')).to.deep.equal(['bente fra lageret']);
    expect(find('# kr', 'han tjener 245 kr i timen')).to.deep.equal(['245 kr']);
  });

  it('refuse a pattern that cannot be read, naming it', () => {
    expect(() => compilePhrase('~ psyk')).to.throw(/must begin and end with a word/);
    expect(() => compilePhrase('(a|b')).to.throw(/Unbalanced/);
    expect(() => compilePhrase('(a|tell (the|my))')).to.throw(/A group inside a group.*tell/);
  });
});

describe('phrase patterns: the quick check before the expression', () => {
  /** Every text in a YAML file, however deep. */
  const textsIn = (value: unknown): string[] =>
    typeof value === 'string'
      ? [value]
      : Array.isArray(value)
        ? value.flatMap(textsIn)
        : value && typeof value === 'object'
          ? Object.values(value).flatMap(textsIn)
          : [];
  const readYaml = (...path: string[]) => parseYaml(readFileSync(join(projectRoot(), ...path), 'utf8')) as unknown;

  it('finds exactly what the expression alone finds, for every lexicon pattern and every message of the cases', () => {
    const patterns = textsIn(readYaml('knowledge', 'understand', 'lexicon.yaml')).flatMap((text) => {
      try {
        return [compilePhrase(text)];
      } catch {
        return [];
      }
    });
    const messages = [
      ...textsIn(readYaml('test', 'cases', 'understanding', 'facts.yaml')),
      ...textsIn(readYaml('knowledge', 'examples', 'eval-questions.yaml')),
      '24år og ledig, udskrevet fra den psykiatriske afdeling i går',
      'Jeg er sygemeldt fra mit rengøringsfirma, hvad hvis jeg bliver 25?',
    ];
    expect(patterns.length).to.be.greaterThan(100);
    let compared = 0;
    for (const message of messages) {
      const words = splitWords(message);
      for (const p of patterns) {
        expect(findPhrase(words, p), `${p.source} in "${message}"`).to.deep.equal(findPhrase(words, p, false));
        compared++;
      }
    }
    expect(compared).to.be.greaterThan(10_000);
  });
});
