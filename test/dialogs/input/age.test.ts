import { expect } from 'chai';
import { type AgeAnswer, parseAge } from '../../../dialogs/input/index.js';
import type { Lang } from '../../../knowledge/search/normalise.js';

const years = (n: number): AgeAnswer => ({ ok: true, years: n });
const problem = (p: 'negative' | 'too-high' | 'not-whole' | 'no-number'): AgeAnswer => ({ ok: false, problem: p });

const CASES: [string, Lang, AgeAnswer][] = [
  ['24', 'da', years(24)],
  ['24 år', 'da', years(24)],
  ['24år', 'da', years(24)],
  ['jeg er 24 år', 'da', years(24)],
  ['Jeg er 24', 'da', years(24)],
  ['jeg er fireogtyve', 'da', years(24)],
  ['Jeg er fire og tyve år gammel', 'da', years(24)],
  // A ten before its unit, as people new to Danish write it.
  ['tyve fire år', 'da', years(24)],
  ['24 år gammel', 'da', years(24)],
  ['ca. 24', 'da', years(24)],
  ['jeg er en 24-årig mand', 'da', years(24)],
  ['jeg fylder 30 i morgen', 'da', years(30)],
  ['Jeg er 45 år og har været ledig i 2 år', 'da', years(45)],
  ['jeg er 52 og har 2 børn', 'da', years(52)],
  ['halvtreds', 'da', years(50)],
  ['0', 'da', years(0)],
  ['120', 'da', years(120)],
  ['-3', 'da', problem('negative')],
  ['minus 3 år', 'da', problem('negative')],
  ['121', 'da', problem('too-high')],
  ['jeg er 200 år', 'da', problem('too-high')],
  ['24,5', 'da', problem('not-whole')],
  ['halvtreds og et halvt år', 'da', problem('not-whole')],
  ['jeg er en kvinde', 'da', problem('no-number')],
  ['jeg har 2 børn', 'da', problem('no-number')],
  ['jeg har været ledig i 3 år', 'da', problem('no-number')],
  ['for 3 år siden', 'da', problem('no-number')],
  ['jeg er over 30 år', 'da', problem('no-number')],
  ['24 eller 25', 'da', problem('no-number')],
  ['ved ikke', 'da', problem('no-number')],
  ['', 'da', problem('no-number')],
  ['24', 'en', years(24)],
  ['24 years old', 'en', years(24)],
  ["I'm twenty-four", 'en', years(24)],
  ['I’m 31', 'en', years(31)],
  ['I am 40 years of age', 'en', years(40)],
  ['a 24-year-old woman', 'en', years(24)],
  ['I have 2 kids', 'en', problem('no-number')],
  ['I was unemployed for 3 years', 'en', problem('no-number')],
  ['-5', 'en', problem('negative')],
  ['150 years old', 'en', problem('too-high')],
  ["I'm twenty-four and a half", 'en', problem('not-whole')],
];

describe('dialogs/input parseAge', () => {
  for (const [text, lang, expected] of CASES) {
    const says = expected.ok ? `${expected.years}` : `'${expected.problem}'`;
    it(`parseAge reads ${JSON.stringify(text)} (${lang}) as ${says}`, () => {
      expect(parseAge(text, lang)).to.deep.equal(expected);
    });
  }

  it('parseAge stays fast on a 5,000-character message and reads no age from English that long', () => {
    const started = Date.now();
    expect(parseAge('jeg er 24 år ' + 'og så videre '.repeat(400), 'da')).to.deep.equal(years(24));
    expect(parseAge("I'm 24 " + 'and so on '.repeat(500), 'en')).to.deep.equal(problem('no-number'));
    expect(Date.now() - started).to.be.below(1500);
  });
});
