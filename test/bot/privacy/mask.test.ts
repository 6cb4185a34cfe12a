import { expect } from 'chai';
import { CPR_MASK } from '../../../bot/privacy/cpr.js';
import { EMAIL_MASK, PHONE_MASK, maskPersonalData } from '../../../bot/privacy/mask.js';

const C = CPR_MASK;
const E = EMAIL_MASK;
const P = PHONE_MASK;

describe('masking personal data in log lines', () => {
  const cases: [string, string, string][] = [
    ['an e-mail address in a Danish sentence', 'Skriv til søren.hansen@kommune.dk, så svarer vi', `Skriv til ${E}, så svarer vi`],
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
  ];
  for (const [what, input] of kept) {
    it(`leaves ${what} unchanged`, () => {
      expect(maskPersonalData(input)).to.equal(input);
    });
  }

  it('handles long input of 100,000 characters without slowing down on near misses', () => {
    const local = 'a.'.repeat(50_000);
    expect(maskPersonalData(local)).to.equal(local);
    const ats = 'a@'.repeat(50_000);
    expect(maskPersonalData(ats)).to.equal(ats);
    const digits = '1 2 3 4 5 6 7 '.repeat(7_143);
    expect(maskPersonalData(digits)).to.equal(digits);
    const mixed = 'ring 12345678 eller skriv a@b.dk '.repeat(3_000);
    expect(maskPersonalData(mixed)).to.equal(`ring ${P} eller skriv ${E} `.repeat(3_000));
  });
});
