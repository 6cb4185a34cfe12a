import { expect } from 'chai';
import { CPR_MASK, maskCpr } from '../../../bot/privacy/cpr.js';

const M = CPR_MASK;

describe('CPR masking', () => {
  const masked: [string, string, string][] = [
    ['the plain ten digits', '0101901234', M],
    ['the usual hyphen', '010190-1234', M],
    ['an en dash', '010190–1234', M],
    ['a space between date and serial', '010190 1234', M],
    ['spaces between all pairs', '01 01 90 12 34', M],
    ['a dash with spaces around it', '010190 - 1234', M],
    ['a non-breaking space', '010190\u00A01234', M],
    ['a number inside a Danish sentence, before the full stop', 'mit cpr er 010190-1234.', `mit cpr er ${M}.`],
    ['æøå right around the number', 'Søren på Ærø: 311299-9999, tak for hjælpen', `Søren på Ærø: ${M}, tak for hjælpen`],
    ['a number in brackets and quotes', '(0101901234) "3112991234"', `(${M}) "${M}"`],
    ['a label glued to the number', 'cpr:010190-1234 og CPR0101901234', `cpr:${M} og CPR${M}`],
    ['the highest plausible day and month', '311299-0000', M],
    ['a number that fails the modulus-11 check', '010101-0000', M],
    ['two numbers in one line', 'far 010160-1111, mor 020262-2222', `far ${M}, mor ${M}`],
    ['a number followed by a phone number', '010190-1234 12345678', `${M} 12345678`],
    ['a number at the end of a line', 'CPR:\n0101901234\n', `CPR:\n${M}\n`],
    ['a number next to an emoji', '😀0101901234😀', `😀${M}😀`],
  ];
  for (const [what, input, expected] of masked) {
    it(`masks ${what}`, () => {
      expect(maskCpr(input).text).to.equal(expected);
    });
  }

  const kept: [string, string][] = [
    ['an 8-digit phone number in pairs', 'ring på 12 34 56 78'],
    ['an 8-digit phone number with +45', 'ring på +45 12345678'],
    ['a phone number with 0045 and pairs', 'tlf. 0045 12 34 56 78'],
    ['a date with a four-digit year', 'født 01-01-1990'],
    ['a date with dots', 'født 01.01.1990'],
    ['a date with a four-digit year followed by digits', '01011990 1234'],
    ['an amount with thousand separators', 'beløbet er 1.500.000 kr.'],
    ['a long amount with thousand separators', '1.010.190.123.400 kr.'],
    ['an amount with spaces as thousand separators', '1 010 190 1234 kr.'],
    ['a 14-digit case number', 'sagsnr. 12340101901234'],
    ['an 11-digit run', '01019012345'],
    ['ten digits glued to a longer number with a hyphen', '010190-1234-5678 og 2024-0101901234'],
    ['ten digits glued to a decimal', '0101901234,50 kr og 0101901234.5 og 1.0101901234'],
    ['ten digits with a slash to another number', '12/0101901234 og 0101901234/7'],
    ['a spaced number that goes on for more pairs', '01 01 90 12 34 56 og 99 01 01 90 12 34'],
    ['a spaced number followed by a space and more digits', '010190 1234 5678'],
    ['a day that is not a date', '321290-1234 og 001290-1234'],
    ['a month that is not a date', '011390-1234 og 010090-1234'],
    ['separators that are not part of a CPR number', '0101.90.1234 og 01-01-90-12-34'],
    ['nine digits', '010190-123'],
  ];
  for (const [what, input] of kept) {
    it(`leaves ${what} unchanged`, () => {
      expect(maskCpr(input)).to.deep.equal({ text: input, count: 0 });
    });
  }

  it('counts every number it masks', () => {
    expect(maskCpr('010190-1234, 0202021234 og 03 03 03 12 34').count).to.equal(3);
    expect(maskCpr('ingen tal her').count).to.equal(0);
    expect(maskCpr('')).to.deep.equal({ text: '', count: 0 });
  });

  it('masks long digit-heavy input of 100,000 characters in one linear pass', () => {
    const oneRun = '0'.repeat(100_000);
    expect(maskCpr(oneRun)).to.deep.equal({ text: oneRun, count: 0 });

    const pairs = '01 '.repeat(33_334);
    expect(maskCpr(pairs).count).to.equal(0);

    const nearMisses = '0101901-'.repeat(12_500);
    expect(maskCpr(nearMisses).count).to.equal(0);

    const many = '010190-1234 '.repeat(8_334);
    const result = maskCpr(many);
    expect(result.count).to.equal(8_334);
    expect(result.text).to.equal(`${M} `.repeat(8_334));
  });
});
