import { expect } from 'chai';
import { CPR_MASK } from '../../../bot/privacy/cpr.js';
import { EMAIL_MASK, PHONE_MASK, maskPersonalData, maskPhoneNumbers } from '../../../bot/privacy/mask.js';

const C = CPR_MASK;
const E = EMAIL_MASK;
const P = PHONE_MASK;

describe('masking personal data in log lines', () => {
  const cases: [string, string, string][] = [
    [
      'an e-mail address in a Danish sentence',
      'Skriv til søren.hansen@kommune.dk, så svarer vi',
      `Skriv til ${E}, så svarer vi`,
    ],
    ['an e-mail address with æøå in it', 'Min mail er søren.ærø@kommune.dk.', `Min mail er ${E}.`],
    ['an e-mail address with æøå in the domain', 'æble@frugt-ø.dk', E],
    ['an e-mail address with plus, hyphen and underscore', 'Mail: Anne-Mette_B+test@mail.aarhus.dk.', `Mail: ${E}.`],
    ['an e-mail address after mailto: and in angle brackets', 'mailto:a@b.dk <Åse@Ærø.dk>', `mailto:${E} <${E}>`],
    ['a phone number in pairs', 'Ring på 12 34 56 78 i morgen, tak', `Ring på ${P} i morgen, tak`],
    ['a phone number as eight digits', 'mit nummer er 20304050.', `mit nummer er ${P}.`],
    ['a phone number in two fours', 'tlf 2030 4050 før kl. 16', `tlf ${P} før kl. 16`],
    ['a phone number with +45', 'Ring til mig på +45 12345678, hilsen Bjørn', `Ring til mig på ${P}, hilsen Bjørn`],
    ['a phone number with +45 and no space', 'tlf:+4512345678', `tlf:${P}`],
    ['a phone number with 0045 and pairs', 'tlf. 0045 12 34 56 78 æøå', `tlf. ${P} æøå`],
    ['a phone number with (+45)', '(+45) 12 34 56 78', P],
    ['a phone number with hyphens', 'ring 12-34-56-78', `ring ${P}`],
    ['a phone number next to emoji', 'ring 😀 12 34 56 78 😀 tak', `ring 😀 ${P} 😀 tak`],
    ['two phone numbers', 'tlf: 20304050, og 30 40 50 60', `tlf: ${P}, og ${P}`],
    ['a CPR number', 'Mit CPR-nummer er 010190-1234, må I gemme det?', `Mit CPR-nummer er ${C}, må I gemme det?`],
    ['a CPR number written in pairs, as a CPR number and not as a phone number', 'cpr 01 01 90 12 34', `cpr ${C}`],
    [
      'all three in one line',
      'Jørgen (0101901234) på jørgen@ø-mail.dk eller +45 20 30 40 50 spørger om mentorstøtte',
      `Jørgen (${C}) på ${E} eller ${P} spørger om mentorstøtte`,
    ],
    ['digits inside an e-mail address, as part of the address', '12345678@sms.dk', E],
    ['a phone number in two pairs and a four', 'ring 12 34 5678 efter kl. 16', `ring ${P} efter kl. 16`],
    ['a phone number in a four and two pairs', 'tlf. 1234 56 78', `tlf. ${P}`],
    ['a phone number with dots', 'mit nr. er 12.34.56.78.', `mit nr. er ${P}.`],
    ['a phone number in two fours with a hyphen', 'ring 1234-5678', `ring ${P}`],
    ['a phone number with +45 and pairs', '+45 12 34 56 78', P],
    ['a phone number with (+45) and two fours', 'ring (+45) 1234 5678 i dag', `ring ${P} i dag`],
    ['a phone number with +45 and a hyphen', '+45-12345678', P],
    [
      'a phone number with en dashes and thin spaces',
      '12\u2009\u2013\u200934\u2009\u2013\u200956\u2009\u2013\u200978',
      P,
    ],
    [
      'a phone number with no-break spaces and a minus sign',
      '1234\u00A05678 og 12\u221234\u221256\u221278',
      `${P} og ${P}`,
    ],
    ['a phone number in fullwidth digits', '１２ ３４ ５６ ７８', P],
    ['a phone number in Arabic-Indic digits', 'هاتف ١٢٣٤٥٦٧٨', `هاتف ${P}`],
    ['a phone number with a soft hyphen and zero-width spaces inside', '12\u00AD34\u200B56\u200B78', P],
    ['a phone number on the line after its label', 'Telefon:\n12 34 56 78\n', `Telefon:\n${P}\n`],
    ['a CPR number in other dashes and digits', 'cpr ٠١٠١٩٠\u2212١٢٣٤', `cpr ${C}`],
    [
      'everything but the Teams channel id in a line that holds one',
      'Teams channel 19:a8a2e1fd0101901234c8b0e1@thread.tacv2 set by a@b.dk, 12345678',
      `Teams channel 19:a8a2e1fd0101901234c8b0e1@thread.tacv2 set by ${E}, ${P}`,
    ],
  ];
  for (const [what, input, expected] of cases) {
    it(`masks ${what}`, () => {
      expect(maskPersonalData(input)).to.equal(expected);
    });
  }

  const kept: [string, string][] = [
    ['a Danish sentence without personal data', 'Hvor længe kan jeg få en mentor efter § 167?'],
    ['an amount', 'Tilskuddet er 1.500.000 kr. eller 12.345.678,50 kr.'],
    ['a date and a time', 'Mødet er 01-01-2027 kl. 10.30'],
    ['a year and a section number', 'LAB § 167, stk. 2 fra 2024'],
    ['a long case number', 'sagsnr. 123456789012345'],
    ['a word with an at sign but no domain', 'vi ses @ kontoret og bruger@localhost'],
    ['the masks themselves', `${C} ${E} ${P}`],
    [
      'a Teams channel id, which the operator copies from the log',
      'Teams channel {"channelId":"19:abc123def@thread.tacv2","tenantId":"t"}',
    ],
    ['an older Teams channel id', '19:8bd5c9a1a3e1435d9fd2bc5d8a44ef32@thread.skype'],
    [
      'a Teams channel id whose hexadecimal digits hold eight in a row',
      '19:12345678a3e1435d9fd2bc5d8a44ef32@thread.tacv2',
    ],
    ['a Teams group chat and one-to-one chat id', '19:meeting_NjA5@thread.v2 og 19:a1b2_c3d4@unq.gbl.spaces'],
    ['a GUID whose first group is eight digits', 'id 12345678-abcd-4ef0-9abc-def012345678'],
    ['a range of years', 'i årene 2020-2026'],
    ['a date with a four-digit year in any of the usual forms', 'født 01.01.1990, 01-01-1990 eller 01/01/1990'],
    ['a time span', 'kl. 10.30-12.00'],
    ['an account number with a registration number', 'konto 1234-0012345678'],
    ['an IBAN in groups of four', 'IBAN DK50 0040 0440 1162 43'],
  ];
  for (const [what, input] of kept) {
    it(`leaves ${what} unchanged`, () => {
      expect(maskPersonalData(input)).to.equal(input);
    });
  }

  describe('maskPhoneNumbers, for a call-back number that must go after the call-back period', () => {
    it('masks only the phone numbers, in every form above', () => {
      const text = 'Ring på 12 34 5678 eller +45 1234-5678 (cpr 010190-1234, mail a@b.dk)';
      expect(maskPhoneNumbers(text)).to.equal(`Ring på ${P} eller ${P} (cpr 010190-1234, mail a@b.dk)`);
    });

    it('leaves a text with fewer than eight digits as it is', () => {
      expect(maskPhoneNumbers('ring 1234 567')).to.equal('ring 1234 567');
      expect(maskPhoneNumbers('')).to.equal('');
    });

    it('masks every phone number of a long transcript, in time linear in its length', () => {
      const line = 'Borger: ring 12.34.56.78 eller 1234 5678 tak\n';
      expect(maskPhoneNumbers(line.repeat(2_000))).to.equal(`Borger: ring ${P} eller ${P} tak\n`.repeat(2_000));
      const near = '12 34 56 7 '.repeat(9_091);
      expect(maskPhoneNumbers(near)).to.equal(near);
    });
  });

  it('handles long input of 100,000 characters without slowing down on near misses', () => {
    const local = 'a.'.repeat(50_000);
    expect(maskPersonalData(local)).to.equal(local);
    const ats = 'a@'.repeat(50_000);
    expect(maskPersonalData(ats)).to.equal(ats);
    const digits = '1 2 3 4 5 6 7 '.repeat(7_143);
    expect(maskPersonalData(digits)).to.equal(digits);
    const mixed = 'ring 12345678 eller skriv a@b.dk '.repeat(3_000);
    expect(maskPersonalData(mixed)).to.equal(`ring ${P} eller skriv ${E} `.repeat(3_000));
    const teams = '19:abc-def.'.repeat(9_091);
    expect(maskPersonalData(teams)).to.equal(teams);
  });
});
