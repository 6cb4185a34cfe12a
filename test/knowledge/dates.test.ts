import { expect } from 'chai';
import { inRange, isIsoDate, rangesOverlap, todayInDenmark } from '../../knowledge/dates.js';

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
    expect(rangesOverlap({ validFrom: '2020-01-01', validTo: '2020-12-31' }, { validFrom: '2020-12-31', validTo: null })).to.equal(true);
    expect(rangesOverlap({ validFrom: '2020-01-01', validTo: '2020-12-30' }, { validFrom: '2020-12-31', validTo: null })).to.equal(false);
  });

  it('todayInDenmark gives the Danish calendar day, also just after midnight in Copenhagen', () => {
    expect(todayInDenmark(new Date('2026-06-30T22:30:00Z'))).to.equal('2026-07-01');
    expect(todayInDenmark(new Date('2026-12-31T22:59:00Z'))).to.equal('2026-12-31');
  });
});
