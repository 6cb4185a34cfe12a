import { expect } from 'chai';
import { looksLikeQuestion } from '../../dialogs/understand.js';
import { type AskableInput, IntakeQuestions } from '../../dialogs/intake/questions.js';
import { Replies } from '../../dialogs/replies.js';
import { Templates } from '../../dialogs/templates.js';
import { knowledgeBase } from '../helpers.js';

describe('intake questions', () => {
  const questions = new IntakeQuestions(new Replies(new Templates()), knowledgeBase().lexicon);

  const answers: [AskableInput, string, unknown][] = [
    ['situation', 'Jeg er ledig', 'ledig'],
    ['situation', 'arbejdsløs', 'ledig'],
    ['situation', 'jeg er på virksomhedspraktik', 'tilbud'],
    ['situation', 'I am on sick leave', 'sygemeldt'],
    ['benefit', 'jeg er på kontanthjælp', 'kontanthjaelp'],
    ['benefit', 'Kontant-hjælp', 'kontanthjaelp'],
    ['benefit', 'a-kasse', 'dagpenge'],
    ['benefit', 'ingen ydelse', 'ingen'],
    ['mentorType', 'en kollega', 'employee'],
    ['mentorType', 'ekstern konsulent', 'external'],
    ['admittedToEducation', 'ja tak', true],
    ['hasVocationalEducation', 'nix', false],
    ['age', 'jeg er 24 år', 24],
    ['monthsWithMentor', 'et halvt år', 6],
    ['monthsWithMentor', 'Ingen endnu', 0],
    ['monthsWithMentor', 'nej', 0],
  ];
  for (const [input, text, value] of answers) {
    it(`reads "${text}" as ${JSON.stringify(value)} for ${input}`, () => {
      expect(questions.read(input, text, text.startsWith('I am') ? 'en' : 'da')).to.deep.equal({ ok: true, value });
    });
  }

  it('says what was wrong with an answer it cannot use', () => {
    expect(questions.read('age', '-5', 'da')).to.deep.include({
      ok: false,
      problem: 'ask.ageProblem.negative',
      answered: true,
    });
    expect(questions.read('age', 'blåbær', 'da')).to.deep.include({ ok: false, problem: 'ask.notUnderstood.age' });
    expect(questions.read('situation', 'ledig og sygemeldt', 'da')).to.deep.include({
      ok: false,
      problem: 'ask.notUnderstood.choice',
    });
    expect(questions.read('monthsWithMentor', 'ja', 'da')).to.deep.include({
      ok: false,
      problem: 'ask.notUnderstood.months',
    });
  });

  it('offers the choices of a question as buttons, with "ved ikke" and "hvorfor" last', () => {
    const q = questions.question('benefit', 'da');
    expect(q.text).to.equal('Hvilken ydelse får du?');
    expect(q.buttons.slice(-2)).to.deep.equal(['Ved ikke', 'Hvorfor spørger du?']);
    expect(q.buttons).to.include('Kontanthjælp');
  });

  it('reads the short answers with the lexicon\'s words for them: "syg", "a-kasse", "fgu", "kollega"', () => {
    expect(questions.read('situation', 'syg', 'da')).to.deep.equal({ ok: true, value: 'sygemeldt' });
    expect(questions.read('benefit', 'a-kasse', 'da')).to.deep.equal({ ok: true, value: 'dagpenge' });
    expect(questions.read('educationKind', 'fgu', 'da')).to.deep.equal({ ok: true, value: 'fgu' });
    expect(questions.read('mentorType', 'en kollega', 'da')).to.deep.equal({ ok: true, value: 'employee' });
  });
});

describe('telling a question from an answer', () => {
  const rows: [string, boolean][] = [
    ['hvor længe kan jeg have en mentor?', true],
    ['Kan jeg få en mentor hvis jeg er syg', true],
    ['må min mentor være en kollega', true],
    ['what is frikøb for employers', true],
    ['jeg er ledig', false],
    ['ja?', false],
    ['24 år', false],
    ['Jeg er på kontanthjælp og 24 år gammel', false],
  ];
  for (const [text, question] of rows) {
    it(`reads "${text}" as ${question ? 'a question' : 'an answer'}`, () => {
      expect(looksLikeQuestion(text)).to.equal(question);
    });
  }
});
