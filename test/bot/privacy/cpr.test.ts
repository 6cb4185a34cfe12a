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
    [
      'æøå right around the number',
      'Søren på Ærø: 311299-9999, tak for hjælpen',
      `Søren på Ærø: ${M}, tak for hjælpen`,
    ],
    ['a number in brackets and quotes', '(0101901234) "3112991234"', `(${M}) "${M}"`],
    ['a label glued to the number', 'cpr:010190-1234 og CPR0101901234', `cpr:${M} og CPR${M}`],
    ['the highest plausible day and month', '311299-0000', M],
    ['a number that fails the modulus-11 check', '010101-0000', M],
    ['two numbers in one line', 'far 010160-1111, mor 020262-2222', `far ${M}, mor ${M}`],
    ['a number followed by a phone number', '010190-1234 12345678', `${M} 12345678`],
    ['a number at the end of a line', 'CPR:\n0101901234\n', `CPR:\n${M}\n`],
    ['a number next to an emoji', '😀0101901234😀', `😀${M}😀`],
    // These two were left alone before as "separators that are not part of a CPR number". People do write a CPR
    // number with dots between the date parts and with a dash between all pairs, so they are masked now.
    ['dots between the date parts and before the serial', '0101.90.1234', M],
    ['hyphens between all pairs', '01-01-90-12-34', M],
    // A date with a two-digit year and a time in pairs cannot be told apart from 01.01.90 12.34, so it goes too.
    ['a date with a two-digit year and a time, as it reads exactly like a CPR number', '01.01.26 10.30', M],
    [
      'a date part and serial split by other dashes, spaces and invisible characters',
      '01\u2212 01\u00AD90\u2009\u2014\u20091234',
      M,
    ],
    ['digits of another script, with only the number replaced', 'رقم ٠١٠١٩٠-١٢٣٤ شكرا', `رقم ${M} شكرا`],
    [
      'a number whose digits are split by a zero-width space, with the space at its edge kept',
      '\u200B0101901234\u200B',
      `\u200B${M}\u200B`,
    ],
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
    ['nine digits', '010190-123'],
    ["ten digits that end a GUID's last group", '6b29fc40-ca47-1067-b31d-0101901234ab'],
    ['ten digits inside a long hexadecimal id', '19:a8a2e1fd0101901234c8b0e1'],
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

    const invisible = '0\u200B'.repeat(50_000);
    expect(maskCpr(invisible).count).to.equal(0);

    const fullwidth = '０１０１９０－１２３４\u3000'.repeat(9_091);
    expect(maskCpr(fullwidth).count).to.equal(9_091);

    const separators = '31 - 12 - 9'.repeat(9_091);
    expect(maskCpr(separators).count).to.equal(0);

    const hex = 'a0101901234'.repeat(9_091);
    expect(maskCpr(hex).count).to.equal(0);
  });

  it('takes at most 50 times as long on 100,000 characters of near misses as on a plain run of digits, so it never backtracks', () => {
    const time = (text: string) => {
      const start = process.hrtime.bigint();
      maskCpr(text);
      return Number(process.hrtime.bigint() - start) / 1e6;
    };
    const plain = time('0'.repeat(100_000));
    const hard = Math.max(
      time('01.01.90-12 '.repeat(8_334)),
      time('٠١ '.repeat(33_334)),
      time('a0101901234'.repeat(9_091)),
    );
    expect(hard).to.be.below(Math.max(50 * plain, 500));
  });

  it('leaves a long text with fewer than ten digits as it is, in any script', () => {
    const text = `${'Jeg har et spørgsmål om mentorstøtte. '.repeat(2_000)} 010190-123`;
    expect(maskCpr(text)).to.deep.equal({ text, count: 0 });
    expect(maskCpr('٠١٠١٩٠-١٢٣')).to.deep.equal({ text: '٠١٠١٩٠-١٢٣', count: 0 });
  });
});
