import { expect } from 'chai';
import { teamsText } from '../../../bot/handoff/relay.js';

describe("handoff: a caseworker's Teams message as the citizen reads it", () => {
  const text = (html: string) =>
    teamsText({ type: 'message', text: html, recipient: { id: 'bot', name: 'Mentorbot' }, entities: [] });

  it('decodes the Danish letters however Teams writes them: named, decimal or hexadecimal (he)', () => {
    expect(text('<p>K&aelig;re borger, h&oslash;r p&aring; det</p>')).to.equal('Kære borger, hør på det');
    expect(text('&#198;&#216;&#197; &#xe6;&#xf8;&#xe5;')).to.equal('ÆØÅ æøå');
  });

  it('decodes entities beyond the six the old code knew: euro, dashes, quotes and apostrophes', () => {
    expect(text('Det koster 100&nbsp;&euro; &ndash; &bdquo;cirka&ldquo; &apos;ca.&apos; &hellip;')).to.equal(
      "Det koster 100 € – „cirka“ 'ca.' …",
    );
  });

  it('decodes an escaped ampersand once, so "&amp;lt;" stays the text "&lt;"', () => {
    expect(text('A &amp; B, &amp;lt;tag&amp;gt;')).to.equal('A & B, &lt;tag&gt;');
  });

  it('takes out tags and the mention, and keeps line breaks and paragraphs as new lines', () => {
    expect(text('<at>Mentorbot</at> <p>Hej</p><p>Vi ringer <b>i morgen</b>.<br/>Mvh</p>')).to.equal(
      'Hej\nVi ringer i morgen.\nMvh',
    );
  });
});
