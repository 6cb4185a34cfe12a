import { expect } from 'chai';
import { lix } from '../../../knowledge/articles/lix.js';

describe('LIX readability', () => {
  it('adds words per sentence to the share of long words', () => {
    // 9 words, 2 sentences, 2 long words (mentorstøtte, kommunen)
    expect(lix('Du kan få mentorstøtte. Spørg altid kommunen om det.')).to.be.closeTo(9 / 2 + 200 / 9, 0.01);
  });

  it('reads a list without full stops as one sentence with the line that leads into it', () => {
    // 10 words, 1 sentence ("Du kan få hjælp: til arbejdet, til at stå op"), 1 long word (arbejdet)
    expect(lix('Du kan få hjælp:\n- til arbejdet\n- til at stå op')).to.be.closeTo(10 / 1 + 10, 0.01);
    expect(lix('Du kan få hjælp:\n- til arbejdet\n- til at stå op')).to.be.closeTo(
      lix('Du kan få hjælp: til arbejdet, til at stå op.'),
      0.01,
    );
  });

  it('counts a list item that ends with a full stop or a question mark as a sentence of its own', () => {
    // 3 sentences: the lead-in (colon before a capital letter) and two items; 8 words, 3 long (vigtigt, kommunen,
    // hjælpen)
    expect(lix('Det er vigtigt:\n- Spørg kommunen.\n- Hvem giver hjælpen?')).to.be.closeTo(
      lix('Det er vigtigt: Spørg kommunen. Hvem giver hjælpen?'),
      0.01,
    );
    expect(lix('Det er vigtigt:\n- Spørg kommunen.\n- Hvem giver hjælpen?')).to.be.closeTo(8 / 3 + (100 * 3) / 8, 0.01);
  });

  it('ends a sentence at a new paragraph and at the end of a list, not at a line break inside a paragraph', () => {
    // Two paragraphs without full stops: two sentences. A list followed by a line: the list ends its sentence.
    expect(lix('Hej med dig\n\nVi ses i morgen')).to.be.closeTo(7 / 2, 0.01);
    expect(lix('Hej med dig\nvi ses i morgen')).to.be.closeTo(7 / 1, 0.01);
    expect(lix('Du kan få:\n- en mentor\n- en plan\nDet er godt')).to.be.closeTo(10 / 2, 0.01);
  });

  it('ignores Markdown marks and link targets', () => {
    expect(lix('**Du** kan [få](https://x.dk) hjælp.')).to.be.closeTo(lix('Du kan få hjælp.'), 0.01);
  });

  it('does not end a sentence at an abbreviation such as "stk. 2"', () => {
    expect(lix('Se LAB § 167, stk. 2 om retten.')).to.be.closeTo(lix('Se LAB § 167, stk 2 om retten.'), 0.01);
  });

  it('scores long sentences with long words above the 45 limit', () => {
    expect(
      lix(
        'Beskæftigelsesindsatsens mentorordningsbestemmelser forudsætter virksomhedsrelaterede introduktionsforløb ud over sædvanlige arbejdsgiverforpligtelser.',
      ),
    ).to.be.greaterThan(45);
  });
});
