import { expect } from 'chai';
import { parseMonths } from '../../../dialogs/input/index.js';
import type { Lang } from '../../../knowledge/search/normalise.js';

const CASES: [string, Lang, number | null][] = [
  ['6 måneder', 'da', 6],
  ['6 maaneder', 'da', 6],
  ['6 mdr.', 'da', 6],
  ['to måneder', 'da', 2],
  ['en måned', 'da', 1],
  ['et halvt år', 'da', 6],
  ['halvt år', 'da', 6],
  ['halvandet år', 'da', 18],
  ['ja 6 måneder, slutter 15. december', 'da', 6],
  ['6 months, until 15 December', 'en', 6],
  ['1 år', 'da', 12],
  ['2 år', 'da', 24],
  ['et år', 'da', 12],
  ['1½ år', 'da', 18],
  ['2,5 år', 'da', 30],
  ['3 uger', 'da', 0.7],
  ['2 uger', 'da', 0.5],
  ['14 dage', 'da', 0.5],
  ['et år og tre måneder', 'da', 15],
  ['1 år, 3 mdr', 'da', 15],
  ['jeg har haft en mentor i 6 måneder', 'da', 6],
  ['Cirka 4 måneder 🙂', 'da', 4],
  ['4', 'da', 4],
  ['fire', 'da', 4],
  ['0', 'da', 0],
  ['ingen', 'da', 0],
  ['Ikke endnu', 'da', 0],
  ['jeg har ikke haft en mentor', 'da', 0],
  ['aldrig', 'da', 0],
  ['3-4 måneder', 'da', null],
  ['6 eller 7 måneder', 'da', null],
  ['i 2 år og så igen i 3 måneder sidste år', 'da', null],
  ['-3 måneder', 'da', null],
  ['ingen anelse', 'da', null],
  ['ved ikke', 'da', null],
  ['længe', 'da', null],
  ['måneder', 'da', null],
  ['', 'da', null],
  ['6 months', 'en', 6],
  ['half a year', 'en', 6],
  ['a year and a half', 'en', 18],
  ['two weeks', 'en', 0.5],
  ['1 year and 3 months', 'en', 15],
  ['I have had a mentor for 6 months', 'en', 6],
  ['4', 'en', 4],
  ['none', 'en', 0],
  ['not yet', 'en', 0],
  ['3-4 months', 'en', null],
  ["I don't know", 'en', null],
  ['a while', 'en', null],
];

describe('dialogs/input parseMonths', () => {
  for (const [text, lang, expected] of CASES) {
    it(`parseMonths reads ${JSON.stringify(text)} (${lang}) as ${expected}`, () => {
      expect(parseMonths(text, lang)).to.equal(expected);
    });
  }

  it('parseMonths reads Danish unit words only when the language is Danish', () => {
    expect(parseMonths('to måneder', 'en')).to.equal(null);
  });

  it('parseMonths stays fast on a 5,000-character message', () => {
    const started = Date.now();
    expect(parseMonths('6 måneder ' + 'og så videre '.repeat(400), 'da')).to.equal(6);
    expect(parseMonths('6 months ' + 'and so on '.repeat(500), 'en')).to.equal(null);
    expect(Date.now() - started).to.be.below(1500);
  });
});
