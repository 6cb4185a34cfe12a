import { expect } from 'chai';
import { parseDate, pastDateMentioned } from '../../../dialogs/input/index.js';
import type { Lang } from '../../../knowledge/search/normalise.js';

const TODAY = '2026-03-10';

const CASES: [string, Lang, string | null][] = [
  ['3. maj 2026', 'da', '2026-05-03'],
  ['3 maj 2026', 'da', '2026-05-03'],
  ['den 3. maj 2026', 'da', '2026-05-03'],
  ['Den 3. Maj 2026.', 'da', '2026-05-03'],
  ['d. 3. maj 2026', 'da', '2026-05-03'],
  ['03-05-2026', 'da', '2026-05-03'],
  ['3/5-2026', 'da', '2026-05-03'],
  ['3/5/2026', 'da', '2026-05-03'],
  ['03.05.2026', 'da', '2026-05-03'],
  ['03.05.26', 'da', '2026-05-03'],
  ['3/5', 'da', '2026-05-03'],
  ['12-01-2027', 'da', '2027-01-12'],
  ['2026-05-03', 'da', '2026-05-03'],
  ['jeg starter 1. august 2026', 'da', '2026-08-01'],
  ['3. maj', 'da', '2026-05-03'],
  ['1. januar', 'da', '2026-01-01'],
  ['24. dec.', 'da', '2026-12-24'],
  ['29. februar 2028', 'da', '2028-02-29'],
  ['i dag', 'da', '2026-03-10'],
  ['idag', 'da', '2026-03-10'],
  ['I morgen', 'da', '2026-03-11'],
  ['i går', 'da', '2026-03-09'],
  ['igaar', 'da', '2026-03-09'],
  ['31. februar 2026', 'da', null],
  ['29. februar 2026', 'da', null],
  ['31-04-2026', 'da', null],
  ['13/13/2026', 'da', null],
  ['3. maj eller 4. maj', 'da', null],
  ['i morgen eller i overmorgen', 'da', null],
  ['i morges', 'da', null],
  ['maj', 'da', null],
  ['snart', 'da', null],
  ['', 'da', null],
  ['May 3, 2026', 'en', '2026-05-03'],
  ['may 3rd 2026', 'en', '2026-05-03'],
  ['3 May 2026', 'en', '2026-05-03'],
  ['the 3rd of May 2026', 'en', '2026-05-03'],
  ['2026-05-03', 'en', '2026-05-03'],
  ['today', 'en', '2026-03-10'],
  ['tomorrow', 'en', '2026-03-11'],
  ['yesterday', 'en', '2026-03-09'],
  ['the day after tomorrow', 'en', '2026-03-12'],
  ['May 3', 'en', '2026-05-03'],
  ['13/05/2026', 'en', '2026-05-13'],
  ['05/13/2026', 'en', '2026-05-13'],
  ['03/05/2026', 'en', null],
  ['February 30, 2026', 'en', null],
  ['i dag', 'en', null],
  ['soon', 'en', null],
];

describe('dialogs/input parseDate', () => {
  for (const [text, lang, expected] of CASES) {
    it(`parseDate reads ${JSON.stringify(text)} (${lang}, today ${TODAY}) as ${expected}`, () => {
      expect(parseDate(text, lang, TODAY)).to.equal(expected);
    });
  }

  it('parseDate reads English phrases the recognizers resolve to one day', () => {
    expect(parseDate('in 3 days', 'en', TODAY)).to.equal('2026-03-13');
    expect(parseDate('this friday', 'en', TODAY)).to.equal('2026-03-13');
  });

  it('parseDate refuses a today that is not a YYYY-MM-DD date, naming it', () => {
    expect(() => parseDate('i dag', 'da', '10-03-2026')).to.throw('today must be a YYYY-MM-DD date, got "10-03-2026"');
  });

  it('parseDate stays fast on a 5,000-character message', () => {
    const long = '3. maj 2026 og 03-05-2026 '.repeat(200).slice(0, 5000);
    const started = Date.now();
    expect(parseDate(long, 'da', TODAY)).to.equal('2026-05-03');
    expect(parseDate(long, 'en', TODAY)).to.equal(null);
    expect(Date.now() - started).to.be.below(1500);
  });
});

describe('dialogs/input pastDateMentioned', () => {
  const today = '2026-11-29';
  const cases: [string, Lang, string | null][] = [
    ['han startede på hf i august', 'da', '2026-08-01'],
    ['jeg startede i december', 'da', '2025-12-01'],
    ['optaget i marts 2025', 'da', '2025-03-01'],
    ['fik optagelsesbrev den 4. august 2026 og startede den 17. august', 'da', '2026-08-04'],
    ['I started in October', 'en', '2026-10-01'],
    ['I may start soon', 'en', null],
    ['jeg er ledig', 'da', null],
  ];
  for (const [text, lang, expected] of cases)
    it(`reads ${JSON.stringify(text)} as ${expected}`, () => {
      expect(pastDateMentioned(text, lang, today)?.date ?? null).to.equal(expected);
    });
});
