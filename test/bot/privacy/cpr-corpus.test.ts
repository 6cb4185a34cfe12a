import { expect } from 'chai';
import { CPR_MASK, maskCpr } from '../../../bot/privacy/cpr.js';
import { PHONE_MASK, maskPersonalData } from '../../../bot/privacy/mask.js';
import { cprCorpus, falsePositives, numbersIn } from './corpus.js';

const corpus = cprCorpus();
const fakes = falsePositives();

describe('CPR corpus: every way of writing a CPR number is masked', () => {
  it('has at least 60 forms, each with a number of its own', () => {
    expect(corpus.length).to.be.at.least(60);
    const numbers = corpus.flatMap((f) => f.cpr);
    expect(new Set(numbers).size).to.equal(numbers.length);
    for (const f of corpus) expect(numbersIn(f.text, f.cpr), f.form).to.deep.equal(f.cpr);
  });

  for (const f of corpus) {
    it(`maskCpr masks ${f.form}, replacing only the number`, () => {
      expect(maskCpr(f.text)).to.deep.equal({ text: f.masked, count: f.cpr.length });
    });
  }

  for (const f of corpus) {
    it(`maskPersonalData masks ${f.form} as a CPR number`, () => {
      const masked = maskPersonalData(f.text);
      expect(masked.split(CPR_MASK).length - 1).to.equal(f.cpr.length);
      expect(numbersIn(masked, f.cpr)).to.deep.equal([]);
    });
  }
});

describe('CPR false positives: numbers that are not CPR numbers stay readable', () => {
  it('has at least 30 rows', () => {
    expect(fakes.length).to.be.at.least(30);
  });

  for (const r of fakes) {
    it(`maskCpr leaves ${r.what} unchanged`, () => {
      expect(maskCpr(r.text)).to.deep.equal({ text: r.text, count: 0 });
    });
  }

  for (const r of fakes) {
    if (r.phone) {
      it(`maskPersonalData masks ${r.what} as a phone number, not as a CPR number`, () => {
        const masked = maskPersonalData(r.text);
        expect(masked).to.include(PHONE_MASK);
        expect(masked).not.to.include(CPR_MASK);
      });
    } else {
      it(`maskPersonalData leaves ${r.what} unchanged`, () => {
        expect(maskPersonalData(r.text)).to.equal(r.text);
      });
    }
  }
});
