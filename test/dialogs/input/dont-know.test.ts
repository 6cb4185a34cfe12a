import { expect } from 'chai';
import { isDecline, isDontKnow } from '../../../dialogs/input/index.js';
import type { Lang } from '../../../knowledge/search/normalise.js';

const CASES: [string, Lang, boolean][] = [
  ['ved ikke', 'da', true],
  ['Ved ikke 🤷', 'da', true],
  ['vedikke', 'da', true],
  ['det ved jeg ikke', 'da', true],
  ['det ved jeg altså ikke', 'da', true],
  ['aner det ikke', 'da', true],
  ['aner ikke', 'da', true],
  ['ingen anelse', 'da', true],
  ['ikke sikker', 'da', true],
  ['jeg er ikke helt sikker', 'da', true],
  ['usikker', 'da', true],
  ['ved det ikke', 'da', true],
  ['kan ikke huske', 'da', true],
  ['det husker jeg ikke', 'da', true],
  ['?', 'da', true],
  [' ??? ', 'da', true],
  ['idk', 'da', true],
  ['no idea', 'da', true],
  ["don't know", 'en', true],
  ['I dont know', 'en', true],
  ['I do not know', 'en', true],
  ['not sure', 'en', true],
  ["I'm not sure", 'en', true],
  ['no idea', 'en', true],
  ['dunno', 'en', true],
  ["can't remember", 'en', true],
  ['?', 'en', true],
  ['det ved jeg godt', 'da', false],
  ['jeg ved, at jeg er ledig', 'da', false],
  ['en anelse bedre', 'da', false],
  ['ja', 'da', false],
  ['hvad er en mentor?', 'da', false],
  ['24', 'da', false],
  ['', 'da', false],
  ['🤔', 'da', false],
  ['ved ikke', 'en', false],
  ['I know', 'en', false],
  ['sure', 'en', false],
];

describe('dialogs/input isDontKnow', () => {
  for (const [text, lang, expected] of CASES) {
    it(`isDontKnow says ${expected} for ${JSON.stringify(text)} (${lang})`, () => {
      expect(isDontKnow(text, lang)).to.equal(expected);
    });
  }
});

describe('declining to answer', () => {
  const rows: [string, boolean][] = [
    ['vil helst ikke svare', true],
    ['det vil jeg helst ikke svare på', true],
    ['det vil jeg ikke sige', true],
    ['spring over', true],
    ['spring den over', true],
    ['næste spørgsmål', true],
    ['skip', true],
    ["I'd rather not say", true],
    ['prefer not to answer', true],
    ['jeg vil gerne svare', false],
    ['jeg er ledig, men jeg vil ikke sige hvor længe jeg har været det og hvorfor', false],
    ['hvad hvis jeg ikke vil have en mentor', false],
    ['', false],
  ];
  for (const [text, expected] of rows) {
    it(`reads "${text}" as ${expected ? 'declining' : 'not declining'}`, () => {
      expect(isDecline(text)).to.equal(expected);
    });
  }
});
