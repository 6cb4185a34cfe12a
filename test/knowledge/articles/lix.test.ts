import { expect } from 'chai';
import { lix } from '../../../knowledge/articles/lix.js';

describe('LIX readability', () => {
  it('adds words per sentence to the share of long words', () => {
    // 8 words, 2 sentences, 2 long words (mentorstøtte, kommunen): 4 + 25 = 29
    expect(lix('Du kan få mentorstøtte. Spørg altid kommunen om det.')).to.be.closeTo(4 + 25, 0.01);
  });

  it('counts a list item as a sentence and ignores Markdown marks', () => {
    const withList = lix('Du kan få hjælp:\n- til arbejdet\n- til at stå op');
    expect(withList).to.be.closeTo(10 / 3, 0.01);
    expect(lix('**Du** kan [få](https://x.dk) hjælp.')).to.be.closeTo(lix('Du kan få hjælp.'), 0.01);
  });

  it('does not end a sentence at an abbreviation such as "stk. 2"', () => {
    expect(lix('Se LAB § 167, stk. 2 om retten.')).to.be.closeTo(lix('Se LAB § 167, stk 2 om retten.'), 0.01);
  });

  it('scores long sentences with long words above the 45 limit', () => {
    expect(lix('Beskæftigelsesindsatsens mentorordningsbestemmelser forudsætter virksomhedsrelaterede introduktionsforløb ud over sædvanlige arbejdsgiverforpligtelser.')).to.be.greaterThan(45);
  });
});
