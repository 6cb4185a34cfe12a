import { expect } from 'chai';
import { lix } from '../../../knowledge/articles/lix.js';

describe('LIX readability', () => {
  it('adds words per sentence to the share of long words', () => {
    // 9 words, 2 sentences, 2 long words (mentorstøtte, kommunen)
    expect(lix('Du kan få mentorstøtte. Spørg altid kommunen om det.')).to.be.closeTo(9 / 2 + 200 / 9, 0.01);
  });

  it('counts a list item as a sentence and ignores Markdown marks', () => {
    // 10 words, 3 sentences, 1 long word (arbejdet)
    const withList = lix('Du kan få hjælp:\n- til arbejdet\n- til at stå op');
    expect(withList).to.be.closeTo(10 / 3 + 10, 0.01);
    expect(lix('**Du** kan [få](https://x.dk) hjælp.')).to.be.closeTo(lix('Du kan få hjælp.'), 0.01);
  });

  it('does not end a sentence at an abbreviation such as "stk. 2"', () => {
    expect(lix('Se LAB § 167, stk. 2 om retten.')).to.be.closeTo(lix('Se LAB § 167, stk 2 om retten.'), 0.01);
  });

  it('scores long sentences with long words above the 45 limit', () => {
    expect(lix('Beskæftigelsesindsatsens mentorordningsbestemmelser forudsætter virksomhedsrelaterede introduktionsforløb ud over sædvanlige arbejdsgiverforpligtelser.')).to.be.greaterThan(45);
  });
});
