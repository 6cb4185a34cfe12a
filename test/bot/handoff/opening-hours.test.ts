import { expect } from 'chai';
import { danishClosedDays } from '../../../bot/handoff/holidays.js';
import {
  describeHours,
  describeNextOpening,
  isOpen,
  nextOpening,
  parseHolidays,
  parseOpeningHours,
} from '../../../bot/handoff/opening-hours.js';

const at = (iso: string) => new Date(iso);

describe('opening hours: parsing', () => {
  const cases: [string, string, string][] = [
    ['an empty text means the default hours', '', 'man-tor 9-15, fre 9-13'],
    ['the default written out', 'man-tor 09:00-15:00; fre 09:00-13:00', 'man-tor 9-15, fre 9-13'],
    ['English day names and whole hours', 'mon-thu 9-15; fri 9-13', 'man-tor 9-15, fre 9-13'],
    ['a list of days with two periods each', 'man,ons 09:00-12:00,13:00-15:00', 'man 9-12 og 13-15, ons 9-12 og 13-15'],
    ['lor and son without æøå, and minutes', 'lor-son 10:30-14', 'lør-søn 10.30-14'],
    ['capitals, Danish dots in times and spaces around dashes', 'MAN - Tir 08.15 - 16.45', 'man-tir 8.15-16.45'],
    ['a day named twice gets both sets of periods', 'man-fre 9-12; man 13-15', 'man 9-12 og 13-15, tir-fre 9-12'],
    ['full day names', 'mandag-onsdag 9-15; friday 9-13', 'man-ons 9-15, fre 9-13'],
    ['a whole day up to midnight', 'søn 0-24', 'søn 0-24'],
    ['"lukket" gives no periods', 'man-fre lukket', 'lukket'],
    ['a trailing semicolon is harmless', 'tir 9-15;', 'tir 9-15'],
  ];
  for (const [name, text, described] of cases) {
    it(`reads ${name}`, () => {
      expect(describeHours(parseOpeningHours(text), 'da')).to.equal(described);
    });
  }

  const refused: [string, string, RegExp][] = [
    ['days without times', 'man-tor', /"man-tor" needs days and then times/],
    ['times without days', '09:00-15:00', /needs days and then times/],
    ['an unknown day', 'xyz 09:00-15:00', /unknown day "xyz" in "xyz 09:00-15:00"/],
    ['a day range that runs backwards', 'fre-man 9-15', /day range "fre-man" .* runs backwards/],
    ['a broken day range', 'man--tor 9-15', /"man--tor" .* is not a day or a day range/],
    ['a period that ends before it starts', 'man 15:00-09:00', /"15:00-09:00" .* ends before it starts/],
    ['an hour that does not exist', 'man 25:00-26:00', /"25:00-26:00" .* has a time that does not exist/],
    ['a minute that does not exist', 'man 09:60-10:00', /has a time that does not exist/],
    ['a time past midnight', 'man 09:00-24:30', /has a time that does not exist/],
    ['overlapping periods', 'man 9-12,11-13', /periods overlap on man: 09:00-12:00 and 11:00-13:00/],
    ['overlapping periods from two parts', 'man-fre 9-12; fre 10-14', /periods overlap on fre/],
    ['a period that is not one', 'man 9to15', /"9to15" .* is not a period/],
    ['only separators', ';;', /no opening hours in ";;"/],
  ];
  for (const [name, text, message] of refused) {
    it(`refuses ${name}, saying what is wrong`, () => {
      expect(() => parseOpeningHours(text)).to.throw(Error, message);
    });
  }
});

/** No closed days besides the weekly hours. */
const NONE = new Set<string>();

describe('opening hours: holidays', () => {
  it('reads ISO dates separated by commas and spaces, each once', () => {
    expect(parseHolidays('2026-12-24, 2026-12-25,2026-12-26  2026-12-31, 2026-12-24')).to.deep.equal([
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-31',
    ]);
  });

  it('reads an empty text as no holidays', () => {
    expect(parseHolidays('')).to.deep.equal([]);
    expect(parseHolidays('  ')).to.deep.equal([]);
  });

  for (const bad of ['2026-02-30', '24-12-2026', '2026-12-24x', '2026-13-01', '2026-1-5', 'juleaften']) {
    it(`refuses "${bad}", naming it`, () => {
      expect(() => parseHolidays(`2026-12-24, ${bad}`)).to.throw(
        Error,
        new RegExp(`"${bad}" is not a date; write dates as YYYY-MM-DD`),
      );
    });
  }
});

describe('opening hours: open or closed', () => {
  const hours = parseOpeningHours('');
  const holidays = new Set(parseHolidays('2026-12-24, 2026-12-25, 2026-12-31'));
  const cases: [string, string, boolean][] = [
    ['on Monday at 09:00 sharp in winter (08:00 UTC)', '2026-11-23T08:00:00Z', true],
    ['on Monday a second before 09:00', '2026-11-23T07:59:59Z', false],
    ['on Monday at 14:59', '2026-11-23T13:59:00Z', true],
    ['on Monday at 15:00, when they close', '2026-11-23T14:00:00Z', false],
    ['on Friday at 12:30', '2026-11-27T11:30:00Z', true],
    ['on Friday at 13:00', '2026-11-27T12:00:00Z', false],
    ['on Saturday', '2026-11-28T10:00:00Z', false],
    ['on Sunday', '2026-11-29T10:00:00Z', false],
    ['on the day before a holiday', '2026-12-23T10:00:00Z', true],
    ['on a holiday that falls on a Thursday', '2026-12-24T10:00:00Z', false],
    ['on a holiday that falls on a Friday', '2026-12-25T10:00:00Z', false],
    ['in summer at 14:30 Danish time (12:30 UTC)', '2026-06-15T12:30:00Z', true],
    ['in summer at 15:30 Danish time (13:30 UTC), which would be 14:30 in winter time', '2026-06-15T13:30:00Z', false],
    ['in summer at 08:30 Danish time (06:30 UTC)', '2026-06-15T06:30:00Z', false],
  ];
  for (const [name, iso, open] of cases) {
    it(`is ${open ? 'open' : 'closed'} ${name}`, () => {
      expect(isOpen(hours, holidays, at(iso))).to.equal(open);
    });
  }

  it('counts days from Danish midnight, not UTC midnight', () => {
    const night = parseOpeningHours('man 20:00-24:00; tir 00:00-08:00');
    expect(isOpen(night, NONE, at('2026-11-23T22:59:59Z')), 'Monday 23:59:59').to.equal(true);
    expect(isOpen(night, NONE, at('2026-11-23T23:00:00Z')), 'Tuesday 00:00').to.equal(true);
    expect(isOpen(night, NONE, at('2026-11-24T07:00:00Z')), 'Tuesday 08:00').to.equal(false);
    expect(isOpen(night, new Set(['2026-11-24']), at('2026-11-23T23:30:00Z')), 'Tuesday 00:30 on a holiday').to.equal(
      false,
    );
    expect(
      isOpen(night, new Set(['2026-11-24']), at('2026-11-23T22:30:00Z')),
      'Monday 23:30 before the holiday',
    ).to.equal(true);
  });

  it('follows summer time from the last Sunday of March', () => {
    const sunday = parseOpeningHours('søn 09:00-15:00');
    expect(isOpen(sunday, NONE, at('2026-03-22T07:30:00Z')), '08:30 the Sunday before').to.equal(false);
    expect(isOpen(sunday, NONE, at('2026-03-22T08:00:00Z')), '09:00 the Sunday before').to.equal(true);
    expect(isOpen(sunday, NONE, at('2026-03-29T07:00:00Z')), '09:00 summer time').to.equal(true);
    expect(isOpen(sunday, NONE, at('2026-03-29T13:00:00Z')), '15:00 summer time').to.equal(false);
  });

  it('follows winter time from the last Sunday of October', () => {
    const sunday = parseOpeningHours('søn 09:00-15:00');
    expect(isOpen(sunday, NONE, at('2026-10-25T07:30:00Z')), '08:30 winter time').to.equal(false);
    expect(isOpen(sunday, NONE, at('2026-10-25T08:00:00Z')), '09:00 winter time').to.equal(true);
    expect(isOpen(sunday, NONE, at('2026-10-25T13:59:00Z')), '14:59 winter time').to.equal(true);
  });

  it('is open in both runs of the hour that October repeats', () => {
    const early = parseOpeningHours('søn 02:00-02:30');
    expect(isOpen(early, NONE, at('2026-10-25T00:15:00Z')), '02:15 summer time').to.equal(true);
    expect(isOpen(early, NONE, at('2026-10-25T01:15:00Z')), '02:15 winter time').to.equal(true);
    expect(isOpen(early, NONE, at('2026-10-25T01:45:00Z')), '02:45 winter time').to.equal(false);
  });
});

describe('opening hours: the next opening', () => {
  const hours = parseOpeningHours('');
  const christmas = new Set(parseHolidays('2026-12-24, 2026-12-25, 2026-12-26, 2026-12-31'));
  const cases: [string, string, string | null, string?][] = [
    ['is now while open', '2026-11-23T10:00:00Z', '2026-11-23T10:00:00.000Z'],
    ['is 09:00 the same day before opening', '2026-11-23T06:00:00Z', '2026-11-23T08:00:00.000Z'],
    ['is 09:00 the next day after closing', '2026-11-23T14:00:00Z', '2026-11-24T08:00:00.000Z'],
    ['skips the weekend', '2026-11-27T12:00:00Z', '2026-11-30T08:00:00.000Z'],
    ['skips Christmas and the weekend', '2026-12-23T15:00:00Z', '2026-12-28T08:00:00.000Z'],
    [
      'is Monday 09:00 summer time after the weekend clocks go forward',
      '2026-03-27T14:00:00Z',
      '2026-03-30T07:00:00.000Z',
    ],
    [
      'is Monday 09:00 winter time after the weekend clocks go back',
      '2026-10-23T12:00:00Z',
      '2026-10-26T08:00:00.000Z',
    ],
    ['is Friday 09:00 at midnight between Thursday and Friday', '2026-11-26T23:00:00Z', '2026-11-27T08:00:00.000Z'],
  ];
  for (const [name, now, expected] of cases) {
    it(name, () => {
      expect(nextOpening(hours, christmas, at(now))?.toISOString() ?? null).to.equal(expected);
    });
  }

  it('moves a start in the hour skipped in March to 03:00 summer time', () => {
    const early = parseOpeningHours('søn 02:00-04:00');
    expect(nextOpening(early, NONE, at('2026-03-28T12:00:00Z'))?.toISOString()).to.equal('2026-03-29T01:00:00.000Z');
  });

  it('skips a period that lies wholly in the hour skipped in March', () => {
    const early = parseOpeningHours('søn 02:00-02:30');
    expect(nextOpening(early, NONE, at('2026-03-28T12:00:00Z'))?.toISOString()).to.equal('2026-04-05T00:00:00.000Z');
  });

  it('takes the first run of a start in the hour October repeats', () => {
    const early = parseOpeningHours('søn 02:00-02:30');
    expect(nextOpening(early, NONE, at('2026-10-24T12:00:00Z'))?.toISOString()).to.equal('2026-10-25T00:00:00.000Z');
  });

  it('is null when they never open', () => {
    expect(nextOpening(parseOpeningHours('man-søn lukket'), NONE, at('2026-11-23T10:00:00Z'))).to.equal(null);
  });

  it('looks 14 days ahead and no further', () => {
    const mondays = parseOpeningHours('man 9-15');
    const now = at('2026-11-23T15:00:00Z');
    expect(nextOpening(mondays, new Set(['2026-11-30']), now)?.toISOString()).to.equal('2026-12-07T08:00:00.000Z');
    expect(nextOpening(mondays, new Set(['2026-11-30', '2026-12-07']), now)).to.equal(null);
  });
});

describe('opening hours: the Danish holidays by default (date-holidays)', () => {
  const hours = parseOpeningHours('');
  const closed = danishClosedDays();
  /** 10:00 Danish time on a day (winter or summer time alike: 08:00 UTC is 09:00 or 10:00). */
  const morning = (day: string) => at(`${day}T08:30:00Z`);

  const closedDays: [string, string][] = [
    ['Christmas Day (a Friday in 2026)', '2026-12-25'],
    ['Good Friday 2026', '2026-04-03'],
    ['Maundy Thursday 2026', '2026-04-02'],
    ['Easter Monday 2026', '2026-04-06'],
    ['Ascension Day 2026', '2026-05-14'],
    ['Whit Monday 2026', '2026-05-25'],
    ['Constitution Day, 5 June 2026 (a Friday)', '2026-06-05'],
    ['Christmas Eve (a Thursday in 2026)', '2026-12-24'],
    ["New Year's Eve (a Thursday in 2026)", '2026-12-31'],
    ["New Year's Day 2027 (a Friday)", '2027-01-01'],
    ['Good Friday 2027', '2027-03-26'],
    ['Store Bededag 2023, the last one (a Friday)', '2023-05-05'],
  ];
  for (const [name, day] of closedDays) {
    it(`says closed on ${name}`, () => {
      expect(closed.has(day)).to.equal(true);
      expect(isOpen(hours, closed, morning(day))).to.equal(false);
    });
  }

  it('says open on the Friday that was Store Bededag until 2023 (abolished from 2024)', () => {
    for (const day of ['2024-04-26', '2026-05-01', '2027-04-23']) {
      expect(closed.has(day), day).to.equal(false);
    }
    expect(isOpen(hours, closed, morning('2024-04-26'))).to.equal(true);
  });

  it('says open on an ordinary Friday morning and on 1 May, which is no day off in law', () => {
    expect(isOpen(hours, closed, morning('2026-11-27'))).to.equal(true);
    expect(closed.has('2026-05-01')).to.equal(false);
  });

  it("adds the municipality's own days (HANDOFF_HOLIDAYS) to the Danish ones", () => {
    const own = danishClosedDays(['2026-12-23']);
    expect(own.has('2026-12-23')).to.equal(true);
    expect(own.has('2026-12-25')).to.equal(true);
    expect(danishClosedDays().has('2026-12-23')).to.equal(false);
  });

  it('opens next on Monday 28 December after Christmas 2026 with the default hours', () => {
    expect(nextOpening(hours, closed, at('2026-12-23T15:00:00Z'))?.toISOString()).to.equal('2026-12-28T08:00:00.000Z');
  });
});

describe('opening hours: the description for the citizen', () => {
  const cases: [string, string, string][] = [
    ['', 'man-tor 9-15, fre 9-13', 'Mon-Thu 9-15, Fri 9-13'],
    ['man-fre 8.30-12,12.30-15.45', 'man-fre 8.30-12 og 12.30-15.45', 'Mon-Fri 8:30-12 and 12:30-15:45'],
    ['man,ons,fre 9-12', 'man 9-12, ons 9-12, fre 9-12', 'Mon 9-12, Wed 9-12, Fri 9-12'],
    ['man-søn lukket', 'lukket', 'closed'],
  ];
  for (const [text, da, en] of cases) {
    it(`describes "${text}" as "${da}" and "${en}"`, () => {
      const hours = parseOpeningHours(text);
      expect(describeHours(hours, 'da')).to.equal(da);
      expect(describeHours(hours, 'en')).to.equal(en);
    });
  }
});

describe('opening hours: when a call-back can come', () => {
  const hours = parseOpeningHours('man-tor 09:00-15:00; fre 09:00-13:00');

  it('names the next opening in Danish and English, in Danish time, today or by weekday and date', () => {
    // Friday 27 November 2026, 14:00 in Denmark (13:00 UTC): closed since 13:00; next is Monday 30 November, 09:00.
    const friday = new Date('2026-11-27T13:00:00Z');
    expect(describeNextOpening(hours, new Set(), friday, 'da')).to.equal('mandag den 30. november kl. 09.00');
    expect(describeNextOpening(hours, new Set(), friday, 'en')).to.equal('Monday 30 November at 09:00');
    // Monday 30 November, 07:00 in Denmark: today at 9.
    expect(describeNextOpening(hours, new Set(), new Date('2026-11-30T06:00:00Z'), 'da')).to.equal('i dag kl. 09.00');
    expect(describeNextOpening(parseOpeningHours('man lukket'), new Set(), friday, 'da')).to.equal(null);
  });
});
