import { expect } from 'chai';
import { parseYesNo } from '../../../dialogs/input/index.js';
import type { Lang } from '../../../knowledge/search/normalise.js';

const CASES: [string, Lang, boolean | null][] = [
  ['ja', 'da', true],
  ['Ja!', 'da', true],
  ['jaaa', 'da', true],
  ['jo', 'da', true],
  ['ja tak', 'da', true],
  ['jatak', 'da', true],
  ['jep', 'da', true],
  ['jeps', 'da', true],
  ['yes', 'da', true],
  ['ok ja', 'da', true],
  ['ja, det er jeg', 'da', true],
  ['det har jeg', 'da', true],
  ['det er rigtigt', 'da', true],
  ['korrekt', 'da', true],
  ['selvfølgelig', 'da', true],
  ['selvfoelgelig', 'da', true],
  ['👍', 'da', true],
  ['👍🏽', 'da', true],
  ['ja 👍', 'da', true],
  ['nej', 'da', false],
  ['NEJ.', 'da', false],
  ['neeej', 'da', false],
  ['nej tak', 'da', false],
  ['nejtak', 'da', false],
  ['nix', 'da', false],
  ['nope', 'da', false],
  ['næ', 'da', false],
  ['nææ', 'da', false],
  ['nej, det har jeg ikke', 'da', false],
  ['det har jeg ikke', 'da', false],
  ['jeg er ikke', 'da', false],
  ['ikke endnu', 'da', false],
  ['slet ikke', 'da', false],
  ['det er ikke rigtigt', 'da', false],
  ['👎', 'da', false],
  ['ja og nej', 'da', null],
  ['ja, det har jeg ikke', 'da', null],
  ['👍 nej', 'da', null],
  ['jamen jeg ved ikke', 'da', null],
  ['ja måske', 'da', null],
  ['nå', 'da', null],
  ['ok', 'da', null],
  ['jamen', 'da', null],
  ['hvad betyder det?', 'da', null],
  ['', 'da', null],
  ['   ', 'da', null],
  ['yes', 'en', true],
  ['yep', 'en', true],
  ['Yeah sure', 'en', true],
  ['of course', 'en', true],
  ['no', 'en', false],
  ['nah', 'en', false],
  ['nope', 'en', false],
  ['no thanks', 'en', false],
  ['not yet', 'en', false],
  ['👎', 'en', false],
  ['yes and no', 'en', null],
  ['no idea', 'en', null],
  ["I don't know", 'en', null],
  ['maybe', 'en', null],
  ['ja', 'en', null],
];

describe('dialogs/input parseYesNo', () => {
  for (const [text, lang, expected] of CASES) {
    it(`parseYesNo reads ${JSON.stringify(text)} (${lang}) as ${expected}`, () => {
      expect(parseYesNo(text, lang)).to.equal(expected);
    });
  }

  it('parseYesNo stays fast on a 5,000-character message and does not read English that long', () => {
    const long = 'ja nej '.repeat(800).slice(0, 5000);
    const started = Date.now();
    expect(parseYesNo(long, 'da')).to.equal(null);
    expect(parseYesNo('yes '.repeat(1250), 'en')).to.equal(null);
    expect(Date.now() - started).to.be.below(1500);
  });
});
