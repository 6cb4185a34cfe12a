import { expect } from 'chai';
import { type CostMention, isCostQuestion, parseCostMention } from '../../../dialogs/input/index.js';
import type { Lang } from '../../../knowledge/search/normalise.js';

/** Amounts, hours, periods and additions as employers write them. */
const CASES: [string, Lang, CostMention][] = [
  ['230 kr', 'da', { amount: 230 }],
  ['230 kr.', 'da', { amount: 230 }],
  ['kr. 230,50', 'da', { amount: 230.5 }],
  ['230 kroner i timen', 'da', { amount: 230, perHour: true }],
  ['230,- i timen', 'da', { amount: 230, perHour: true }],
  ['DKK 1.500', 'da', { amount: 1500 }],
  ['230 kr. pr. time', 'da', { amount: 230, perHour: true }],
  ['en timeløn på 230 kr', 'da', { amount: 230 }],
  ['3 timer om ugen', 'da', { hoursPerWeek: 3, perWeek: true }],
  ['tre timer hver uge', 'da', { hoursPerWeek: 3, perWeek: true }],
  ['3 t/uge', 'da', { hoursPerWeek: 3, perWeek: true }],
  ['2,5 timer', 'da', { hoursPerWeek: 2.5 }],
  // A range, then a choice: the choice counts.
  ['mellem 4 og 5 timer, lad os sige 4,5', 'da', { hoursPerWeek: 4.5 }],
  ["between 4 and 5 hours, let's say 4.5", 'en', { hoursPerWeek: 4.5 }],
  ['et halvt år', 'da', { weeks: 26 }],
  ['26 uger', 'da', { weeks: 26 }],
  ['6 måneder', 'da', { weeks: 26 }],
  ['3 måneder', 'da', { weeks: 13 }],
  ['et år', 'da', { weeks: 52 }],
  ['plus 12% pension', 'da', { pensionPercent: 12 }],
  [
    '230 kr plus 12 % pension og 12,5 procent feriepenge',
    'da',
    { amount: 230, pensionPercent: 12, holidayPayPercent: 12.5 },
  ],
  ['pension 8 %', 'da', { pensionPercent: 8 }],
  // Each label belongs to its own part of a list, before or after its figure.
  [
    'mentor 230 kr/t, 3 timer om ugen i 6 mdr, plus feriepenge 12,5% og pension 8%',
    'da',
    {
      amount: 230,
      perHour: true,
      hoursPerWeek: 3,
      perWeek: true,
      weeks: 26,
      holidayPayPercent: 12.5,
      pensionPercent: 8,
    },
  ],
  ['12% feriepenge og 8% pension', 'da', { holidayPayPercent: 12, pensionPercent: 8 }],
  ['pension 8 %, feriepenge 12,5 %', 'da', { pensionPercent: 8, holidayPayPercent: 12.5 }],
  ['holiday pay 12.5% and pension 8%', 'en', { holidayPayPercent: 12.5, pensionPercent: 8 }],
  ['honorar 650 kr i timen', 'da', { amount: 650, perHour: true, consultant: true }],
  [
    'hvad kan vi få dækket, hvis mentoren tjener 230 kr. i timen og bruger 3 timer om ugen i et halvt år?',
    'da',
    { amount: 230, perHour: true, hoursPerWeek: 3, perWeek: true, weeks: 26 },
  ],
  [
    '230 kr an hour, 3 hours a week for half a year',
    'en',
    { amount: 230, perHour: true, hoursPerWeek: 3, perWeek: true, weeks: 26 },
  ],
  ['26 weeks', 'en', { weeks: 26 }],
  ['12% pension', 'en', { pensionPercent: 12 }],
  // Figures without a unit say nothing.
  ['3', 'da', {}],
  ['hvor mange timer kan vi få?', 'da', {}],
  // Hours said per day (five working days), every other week or per month become hours a week.
  ['en time om dagen i starten', 'da', { hoursPerWeek: 5, perWeek: true }],
  ['3 timer dagligt', 'da', { hoursPerWeek: 15, perWeek: true }],
  ['2 timer hver anden uge', 'da', { hoursPerWeek: 1, perWeek: true }],
  ['4 timer om måneden', 'da', { hoursPerWeek: 1, perWeek: true }],
  ['1 hour a day', 'en', { hoursPerWeek: 5, perWeek: true }],
  ['2 hours every other week', 'en', { hoursPerWeek: 1, perWeek: true }],
  // An amount per hour needs no "kr"; a small number "i timen" is no wage.
  ['245,50 i timen + pension 10%', 'da', { amount: 245.5, perHour: true, pensionPercent: 10 }],
  ['190 an hour', 'en', { amount: 190, perHour: true }],
  ['1 i timen', 'da', {}],
  // A monthly pay is a pay per hour of a full-time month (160.33 hours).
  ['hun får 28.000 kr om måneden', 'da', { amount: 174.64, perHour: true, monthlyPay: 28000 }],
  ['månedsløn på 31.500 kr', 'da', { amount: 196.47, perHour: true, monthlyPay: 31500 }],
  ['a monthly salary of 30000 kr', 'en', { amount: 187.11, perHour: true, monthlyPay: 30000 }],
  ['vi betaler 150.000 kr for det hele', 'da', { amount: 150000 }],
];

describe('dialogs/input parseCostMention', () => {
  for (const [text, lang, expected] of CASES) {
    it(`reads ${JSON.stringify(text)} (${lang})`, () => {
      expect(parseCostMention(text, lang)).to.deep.equal(expected);
    });
  }

  it('takes a message as a cost question only with an hourly amount and hours', () => {
    expect(
      isCostQuestion(
        parseCostMention(
          'hvad kan vi få dækket, hvis mentoren tjener 230 kr. i timen og bruger 3 timer om ugen?',
          'da',
        ),
      ),
    ).to.equal(true);
    expect(isCostQuestion(parseCostMention('vi betaler 230 kr', 'da'))).to.equal(false);
    expect(isCostQuestion(parseCostMention('hvor mange timer om ugen kan vi få dækket?', 'da'))).to.equal(false);
  });
});
