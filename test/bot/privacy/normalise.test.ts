import { expect } from 'chai';
import { hasDigits, insideIdentifier, matchView, replaceInView } from '../../../bot/privacy/normalise.js';

describe('reading text for the privacy patterns', () => {
  const read: [string, string, string][] = [
    ['digits of other scripts as 0-9', '٠١٢٣٤٥٦٧٨٩ ۰۹ ०९ ০৯ ๐๙ ０９ 𝟎𝟗 𞥐𞥙', '0123456789 09 09 09 09 09 09 09'],
    ['superscript and circled digits as 0-9', '⁰¹²³ ⓪①⑨', '0123 019'],
    [
      'every dash and minus sign as a hyphen',
      '\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFF0D\uFE63\uFE58\u2E3A\u207B',
      '------------',
    ],
    [
      'every space, a tab and line breaks as a space',
      '\u00A0\u2009\u202F\u3000\t\u2002\u2007\u205F\u200A\u1680\n\r\u2028',
      '             ',
    ],
    [
      'invisible characters and combining marks as nothing',
      'a\u00AD\u200B\u200C\u200D\u2060\uFEFF\u200E\u200Fb1\uFE0F\u20E3',
      'ab1',
    ],
    [
      'the Arabic separators and other dots and slashes as Danish ones',
      '\u066C\u066B\u060C\u00B7\u3002\uFF0E\u2044\u2215',
      '.,,...//',
    ],
    ['Danish letters and ordinary text as they are', 'Søren på Ærø, 12.3% (x_y)', 'Søren på Ærø, 12.3% (x_y)'],
  ];
  for (const [what, input, expected] of read) {
    it(`reads ${what}`, () => {
      expect(matchView(input).text).to.equal(expected);
    });
  }

  it('maps every character it reads back to the code point it came from', () => {
    const view = matchView('a\u200B𝟏\u2013b');
    expect(view.text).to.equal('a1-b');
    expect(view.from).to.deep.equal([0, 2, 4, 5]);
    expect(view.to).to.deep.equal([1, 4, 5, 6]);
  });

  it('replaces a match from the first to the last character it was read from, keeping what lies around it', () => {
    const text = '\u200Bx ０１\u00AD２ y';
    const view = matchView(text);
    expect(view.text).to.equal('x 012 y');
    expect(replaceInView(text, view, /\d+/g, '#')).to.deep.equal({ text: '\u200Bx # y', count: 1 });
    expect(replaceInView(text, view, /\d+/g, '#', () => true)).to.deep.equal({ text, count: 0 });
  });

  it('counts the digits as it reads them, and stops as soon as there are enough', () => {
    expect(hasDigits('123456789', 10)).to.equal(false);
    expect(hasDigits('1234567890', 10)).to.equal(true);
    expect(hasDigits('١٢٣٤٥٦٧٨٩٠', 10)).to.equal(true);
    expect(hasDigits('①②③④⑤⑥⑦⑧⑨', 10)).to.equal(false);
    expect(hasDigits('⑩⑩⑩⑩⑩', 10)).to.equal(true);
    expect(hasDigits(`${'æøå '.repeat(10_000)}1`, 1)).to.equal(true);
  });

  const identifiers: [string, string, boolean][] = [
    ['the last group of a GUID', 'x 6b29fc40-ca47-1067-b31d-0101901234ab', true],
    ['the first group of a GUID', '12345678-abcd-4ef0-9abc-def012345678', true],
    ['a long hexadecimal id', '19:a8a2e1fd0101901234c8b0e1@thread.tacv2', true],
    ['a number after a label', 'cpr0101901234', false],
    ['a number glued to a short hexadecimal word', 'fa0101901234', false],
    ['a number between hyphens', 'ab-0101901234-cd', false],
  ];
  for (const [what, text, expected] of identifiers) {
    it(`${expected ? 'takes' : 'does not take'} digits in ${what} for part of an identifier`, () => {
      const view = matchView(text);
      const m = /\d{8,10}/.exec(view.text.replace(/^19:/, '--:'))!;
      expect(insideIdentifier(view, m.index, m.index + m[0].length)).to.equal(expected);
    });
  }
});
