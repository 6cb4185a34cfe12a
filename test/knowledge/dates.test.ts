import { expect } from 'chai';
import {
  addDays,
  daysFrom,
  daysLater,
  inRange,
  isIsoDate,
  rangesOverlap,
  danishDayClock,
  todayInDenmark,
  weekdayOf,
} from '../../knowledge/dates.js';

describe('dates', () => {
  it('isIsoDate accepts real days written YYYY-MM-DD and nothing else', () => {
    expect(isIsoDate('2026-02-01')).to.equal(true);
    expect(isIsoDate('2024-02-29')).to.equal(true);
    expect(isIsoDate('2026-02-30')).to.equal(false);
    expect(isIsoDate('2025-02-29')).to.equal(false);
    expect(isIsoDate('01-02-2026')).to.equal(false);
    expect(isIsoDate('2026-2-1')).to.equal(false);
    expect(isIsoDate(20260201)).to.equal(false);
    expect(isIsoDate(null)).to.equal(false);
  });

  it('inRange includes both ends and treats a null end as open', () => {
    const r = { validFrom: '2026-01-01', validTo: '2026-12-31' };
    expect(inRange('2026-01-01', r)).to.equal(true);
    expect(inRange('2026-12-31', r)).to.equal(true);
    expect(inRange('2025-12-31', r)).to.equal(false);
    expect(inRange('2027-01-01', r)).to.equal(false);
    expect(inRange('2099-01-01', { validFrom: '2020-01-01', validTo: null })).to.equal(true);
  });

  it('rangesOverlap is true only when the ranges share a day', () => {
    expect(
      rangesOverlap({ validFrom: '2020-01-01', validTo: '2020-12-31' }, { validFrom: '2020-12-31', validTo: null }),
    ).to.equal(true);
    expect(
      rangesOverlap({ validFrom: '2020-01-01', validTo: '2020-12-30' }, { validFrom: '2020-12-31', validTo: null }),
    ).to.equal(false);
  });

  it('todayInDenmark gives the Danish calendar day, also just after midnight in Copenhagen', () => {
    expect(todayInDenmark(new Date('2026-06-30T22:30:00Z'))).to.equal('2026-07-01');
    expect(todayInDenmark(new Date('2026-12-31T22:59:00Z'))).to.equal('2026-12-31');
  });

  it('danishDayClock answers as todayInDenmark on the same clock, across midnight in winter and summer and backwards', () => {
    let now = 0;
    const today = danishDayClock(() => now);
    const instants = [
      '2026-12-31T22:59:59.999Z',
      '2026-12-31T23:00:00.000Z',
      '2026-06-30T21:59:59.999Z',
      '2026-06-30T22:00:00.000Z',
      '2026-03-28T22:59:59.999Z',
      '2026-03-28T23:00:00.000Z',
      '2026-03-29T21:59:00.000Z',
      '2026-03-29T22:00:00.000Z',
      '2026-10-24T21:59:59.999Z',
      '2026-10-24T22:00:00.000Z',
      '2026-10-25T22:59:59.000Z',
      '2026-10-25T23:00:00.000Z',
      '2026-10-25T12:00:00.000Z',
    ];
    for (const at of instants) {
      now = Date.parse(at);
      expect(today(), at).to.equal(todayInDenmark(new Date(now)));
    }
  });

  it('addDays counts calendar days across months, leap days and the change to summer time', () => {
    expect(addDays('2026-02-28', 1)).to.equal('2026-03-01');
    expect(addDays('2024-02-28', 1)).to.equal('2024-02-29');
    expect(addDays('2026-03-29', 1)).to.equal('2026-03-30');
    expect(addDays('2026-01-01', -1)).to.equal('2025-12-31');
    expect(addDays('2026-11-29', -6)).to.equal('2026-11-23');
  });

  it('daysFrom lists the days between two dates, both included, and no more than asked', () => {
    expect(daysFrom('2026-02-27', '2026-03-02')).to.deep.equal([
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
      '2026-03-02',
    ]);
    expect(daysFrom('2026-03-02', '2026-03-01')).to.deep.equal([]);
    expect(daysFrom('2026-01-01', '2030-01-01', 366)).to.have.length(366);
  });

  it('weekdayOf numbers Monday 0 to Sunday 6', () => {
    expect(weekdayOf('2026-11-23')).to.equal(0);
    expect(weekdayOf('2026-11-29')).to.equal(6);
  });

  it('daysLater moves an instant by whole days of 24 hours', () => {
    expect(daysLater(new Date('2026-01-31T10:00:00Z'), 30).toISOString()).to.equal('2026-03-02T10:00:00.000Z');
    expect(daysLater(new Date('2026-01-31T10:00:00Z'), -31).toISOString()).to.equal('2025-12-31T10:00:00.000Z');
  });
});
