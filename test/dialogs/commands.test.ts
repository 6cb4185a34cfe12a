import { expect } from 'chai';
import { recogniseCommand, sameLabel } from '../../dialogs/commands.js';
import { Templates } from '../../dialogs/templates.js';

describe('commands that work anywhere', () => {
  const templates = new Templates();

  it('recognises every main button label, in both languages, as its command', () => {
    const expected = {
      'buttons.citizen': 'citizen',
      'buttons.employer': 'employer',
      'buttons.question': 'question',
      'buttons.human': 'human',
      'buttons.restart': 'restart',
      'buttons.menu': 'menu',
    } as const;
    for (const lang of ['da', 'en'] as const) {
      for (const [key, command] of Object.entries(expected)) {
        const label = templates.render(lang, key as keyof typeof expected);
        expect(recogniseCommand(label), `${lang} ${label}`).to.equal(command);
      }
    }
    expect(recogniseCommand(templates.render('da', 'buttons.language'))).to.equal('lang-en');
    expect(recogniseCommand(templates.render('en', 'buttons.language'))).to.equal('lang-da');
  });

  const rows: [string, string | null][] = [
    ['hjælp', 'help'],
    ['Hjælp!', 'help'],
    ['hvad så nu?', 'help'],
    ['what now?', 'help'],
    ['start forfra', 'restart'],
    ['START FORFRA', 'restart'],
    ['stop', 'stop'],
    ['english', 'lang-en'],
    ['dansk', 'lang-da'],
    ['på dansk', 'lang-da'],
    ['Tal med en medarbejder', 'human'],
    ['hej', 'greeting'],
    ['hvad kan en mentor hjælpe med?', null],
    ['stop med at spørge om min alder', null],
    // Asking for a person in one's own words, Danish and English.
    ['Jeg vil gerne tale med en medarbejder', 'human'],
    ['kan jeg snakke med et menneske', 'human'],
    ['jeg gider ikke snakke med en robot, giv mig et menneske', 'human'],
    ['kan du ikke bare give mig et telefonnummer', 'human'],
    ['I want a real person', 'human'],
    ['må mentoren få mit telefonnummer?', null],
    ['jeg vil have fat i min sagsbehandler', 'human'],
    ['Kan jeg få fat på en rigtig person?', 'human'],
    ['må jeg tale med min sagsbehandler tak', 'human'],
    // "Ja, ring mig op" is the call-back button's answer, not a request for a person.
    ['Ja, ring mig op', null],
    ['I want to talk to a person', 'human'],
    ['can I speak with a caseworker please', 'human'],
    ['human please', 'human'],
    ['I need a human', 'human'],
    // Asking whether to do it is a question, not a request.
    ['skal jeg tale med min sagsbehandler om det?', null],
    ['hvordan taler jeg med min sagsbehandler om mentor', null],
    // A language in one's own words.
    ['English please', 'lang-en'],
    ['can you speak English?', 'lang-en'],
    ['I do not speak Danish', 'lang-en'],
    ['på dansk tak', 'lang-da'],
    ['skriv dansk', 'lang-da'],
    ['menneske tak', 'human'],
    ['kan i ringe mig op?', 'human'],
    ['can someone call me back please', 'human'],
    ['kan mentoren ringe mig op', null],
    // Thanks and outbursts are answered in kind, not searched ("tak" once found an article about aids).
    ['tak for hjælpen', 'thanks'],
    ['ok tak', 'thanks'],
    ['Mange tak for svaret!', 'thanks'],
    ['thank you very much', 'thanks'],
    ['tak, men hvad med min søn?', null],
    ['kan jeg takke min mentor', null],
    ['du er fuldstændig ubrugelig', 'frustrated'],
    ['this is useless', 'frustrated'],
    ['hvad er det for en dum regel', null],
    // Someone in crisis gets the crisis lines, whatever else the message says and however long it is.
    ['jeg har det virkelig skidt og har tænkt på at tage mit eget liv', 'crisis'],
    ['jeg vil ikke leve mere', 'crisis'],
    ['selvmordstanker', 'crisis'],
    ['kan jeg ikke få et rigtigt menneske i røret?', 'human'],
    ['giv mig et telefonnummer til en sagsbehandler', 'human'],
    ["what's the phone number for a caseworker", 'human'],
    ['I want to kill myself', 'crisis'],
    // ... and so does someone who says it indirectly.
    ['nogle dage tænker jeg bare at det hele er ligegyldigt og at alle ville klare sig bedre uden mig', 'crisis'],
    ['jeg håber bare at jeg ikke vågner op igen', 'crisis'],
    ['everyone would be better off without me', 'crisis'],
    ["I don't want to live anymore", 'crisis'],
    [
      'jeg har det svært. ' + 'Jeg er på kontanthjælp og har mange problemer. '.repeat(10) + 'jeg vil bare dø',
      'crisis',
    ],
    ['jeg kan ikke leve af kontanthjælpen', null],
    ['jeg kan ikke lave mere på mit job', null],
    ['han vil ikke leve sammen med os', null],
    ['hvad gør jeg i mit eget liv med en mentor', null],
    ['', null],
    ['x'.repeat(5000), null],
  ];
  for (const [text, command] of rows) {
    it(`reads "${text.slice(0, 30)}" as ${command ?? 'no command'}`, () => {
      expect(recogniseCommand(text)).to.equal(command);
    });
  }

  it('compares labels without case, punctuation or the spelling of æøå', () => {
    expect(sameLabel('hvorfor spoerger du', 'Hvorfor spørger du?')).to.equal(true);
    expect(sameLabel('', '')).to.equal(false);
  });
});
