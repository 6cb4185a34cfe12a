import { expect } from 'chai';
import { parseNumber } from '../../../dialogs/input/index.js';
import type { Lang } from '../../../knowledge/search/normalise.js';

const CASES: [string, Lang, number | null][] = [
  ['24', 'da', 24],
  ['to', 'da', 2],
  ['tre', 'da', 3],
  ['en', 'da', 1],
  ['et', 'da', 1],
  ['én', 'da', 1],
  ['nul', 'da', 0],
  ['elleve', 'da', 11],
  ['nitten', 'da', 19],
  ['tyve', 'da', 20],
  ['enogtyve', 'da', 21],
  ['Fireogtyve', 'da', 24],
  ['fire og tyve', 'da', 24],
  ['fire-og-tyve', 'da', 24],
  ['niogtyve', 'da', 29],
  ['tredive', 'da', 30],
  ['tredve', 'da', 30],
  ['toogtredive', 'da', 32],
  ['fyrre', 'da', 40],
  ['fyrretyve', 'da', 40],
  ['halvtreds', 'da', 50],
  ['seksoghalvtreds', 'da', 56],
  ['tres', 'da', 60],
  ['halvfjerds', 'da', 70],
  ['firs', 'da', 80],
  ['halvfems', 'da', 90],
  ['nioghalvfems', 'da', 99],
  ['hundrede', 'da', 100],
  ['et hundrede', 'da', 100],
  ['hundrede og tyve', 'da', 120],
  ['to hundrede', 'da', 200],
  ['tusind', 'da', 1000],
  ['halvanden', 'da', 1.5],
  ['halvandet', 'da', 1.5],
  ['en halv', 'da', 0.5],
  ['et halvt', 'da', 0.5],
  ['to og en halv', 'da', 2.5],
  ['1½', 'da', 1.5],
  ['2,5', 'da', 2.5],
  ['2.5', 'da', 2.5],
  ['1.500', 'da', 1500],
  ['1.500,75', 'da', 1500.75],
  ['-3', 'da', -3],
  ['minus 3', 'da', -3],
  ['minus tre', 'da', -3],
  ['jeg har 2 børn', 'da', 2],
  ['Jeg har to børn', 'da', 2],
  ['jeg har en søn', 'da', 1],
  ['jeg er en kvinde på 24', 'da', 24],
  ['24, ja 24', 'da', 24],
  ['  24!!! 😊 ', 'da', 24],
  ['0', 'da', 0],
  ['3-5', 'da', null],
  ['3 eller 4', 'da', null],
  ['03.05.2026', 'da', null],
  ['ingen', 'da', null],
  ['', 'da', null],
  ['🙂', 'da', null],
  ['twenty four', 'en', 24],
  ['2.5', 'en', 2.5],
  ['1,500', 'en', 1500],
  ['minus 3', 'en', -3],
  ['I have 2 kids', 'en', 2],
  ['one and a half', 'en', 1.5],
  ['I went to the office', 'en', null],
  ['to', 'en', null],
  ['3 or 4', 'en', null],
];

describe('dialogs/input parseNumber', () => {
  for (const [text, lang, expected] of CASES) {
    it(`parseNumber reads ${JSON.stringify(text)} (${lang}) as ${expected}`, () => {
      expect(parseNumber(text, lang)).to.equal(expected);
    });
  }

  it('parseNumber reads a Danish word number only when the language is Danish', () => {
    expect(parseNumber('tre', 'en')).to.equal(null);
  });

  it('parseNumber stays fast on a 5,000-character message', () => {
    const long = 'jeg har haft en mentor i fire og tyve måneder '.repeat(110).slice(0, 5000);
    const started = Date.now();
    parseNumber(long, 'da');
    parseNumber('x'.repeat(5000), 'en');
    expect(Date.now() - started).to.be.below(1500);
  });
});
