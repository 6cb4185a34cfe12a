import { expect } from 'chai';
import { evalSets, kbFor, questionsIn } from '../../eval/questions.js';
import { askedOf, scoreQuestions } from '../../eval/score.js';
import { askQuestion } from '../../../knowledge/answer.js';
import { knowledgeBase } from '../../helpers.js';

const DATE = '2026-11-22';

describe('search', () => {
  const kb = knowledgeBase();
  const top = (q: string, opts: Partial<Parameters<typeof kb.search.search>[1]> = {}) =>
    kb.search.search(q, { date: DATE, ...opts });

  it('answers a plain question with the article that answers it', () => {
    const out = top('hvor længe kan jeg have en mentor');
    expect(out.status).to.equal('answer');
    expect(out.confident).to.equal(true);
    expect(out.hits[0]!.article.id).to.equal('varighed');
  });

  it('answers whether one must accept a mentor, and whether a relative can apply for someone, from their articles', () => {
    // Both were asked by a newcomer and had no article.
    for (const [q, id] of [
      ['Hvad hvis jeg ikke vil have en mentor?', 'vil-ikke-have-mentor'],
      ['kan jeg sige nej til en mentor', 'vil-ikke-have-mentor'],
      ['Kan jeg som mor søge for ham?', 'soege-for-en-anden'],
      ['kan jeg som mor være med til møderne', 'paaroerende-med-til-moeder'],
    ] as const) {
      const out = askQuestion(kb, q, { date: DATE });
      expect(out.status, q).to.equal('answer');
      expect(out.hits[0]!.article.id, q).to.equal(id);
    }
  });

  it('finds the answer whatever the spelling of æøå, case and hyphens', () => {
    for (const q of [
      'frikøb af medarbejder',
      'FRIKOEB AF MEDARBEJDER',
      'frikob af medarbejder',
      'fri-køb af medarbejder',
    ]) {
      expect(top(q).hits[0]?.article.id, q).to.equal('frikoeb');
    }
  });

  it('finds an article by a part of a compound and by a compound of its words', () => {
    expect(top('mentor når jeg er i virksomhedspraktik').hits[0]?.article.id).to.equal('tilbud-praktik-loentilskud');
    expect(top('klagefrist').hits[0]?.article.id).to.match(/^klage/);
  });

  it('tolerates a typo in a longer word', () => {
    expect(top('forlængelse af mentro').hits[0]?.article.id).to.equal('forlaengelse');
    expect(top('udskrivning fra psykiatrisk indlæggelse mentror').hits[0]?.article.id).to.match(
      /psykiatrisk|udskrivning/,
    );
  });

  it('answers English questions', () => {
    const out = top('how long can I have a mentor', { lang: 'en' });
    expect(out.hits[0]?.article.id).to.equal('varighed');
  });

  it('declines questions outside the mentor scheme, and points to where to ask when it knows', () => {
    for (const q of [
      'hvordan bliver vejret i morgen',
      'hvornår får jeg dagpenge fra a-kassen',
      'hvordan fornyer jeg mit pas',
      'asdf qwer zxcv',
      'hvad er en mentor i skak',
    ]) {
      const out = top(q);
      expect(out.status, q).to.equal('none');
      expect(out.confident, q).to.equal(false);
      expect(out.hits, q).to.deep.equal([]);
    }
    expect(top('hvornår får jeg dagpenge fra a-kassen').redirect?.id).to.equal('dagpenge-a-kasse');
  });

  it('declines a short question about something else that shares only one word with an article', () => {
    for (const q of ['hvad koster en hund', 'hvor ligger rådhuset']) {
      expect(top(q).status, q).to.equal('none');
    }
    // A short question in our words is still answered.
    expect(top('løn til mentor').status).to.not.equal('none');
  });

  it('points elsewhere only on the same grounds: one shared word in a short question about something else is no topic', () => {
    const out = top('hvornår åbner svømmehallen');
    expect(out.status).to.equal('none');
    expect(out.redirect).to.equal(null);
    expect(top('hvornår får jeg dagpenge fra a-kassen').redirect?.id).to.equal('dagpenge-a-kasse');
  });

  it('answers what the chat keeps about a person from its own out-of-scope article', () => {
    for (const q of ['hvad gemmer i om mig', 'har i slettet mine data nu?', 'who can read what I write here']) {
      const out = askQuestion(kb, q, { date: DATE });
      expect(out.status, q).to.equal('none');
      expect(out.redirect?.id, q).to.equal('privatliv-chatten');
    }
  });

  it('answers a relative who asks to join the meetings from the article about that, not the one about meeting places', () => {
    for (const q of ['kan jeg som far være med til møderne', 'må min mor komme med til mødet med mentoren']) {
      const out = askQuestion(kb, q, { date: DATE, audience: 'citizen' });
      expect(out.status, q).to.equal('answer');
      expect(out.hits[0]!.article.id, q).to.equal('paaroerende-med-til-moeder');
    }
    expect(askQuestion(kb, 'hvor skal jeg mødes med min mentor', { date: DATE }).hits[0]!.article.id).to.equal(
      'hjemmebesoeg-og-moeder',
    );
  });

  it('reads "søge job" as looking for work, not as applying for a mentor', () => {
    const out = askQuestion(kb, 'kan min mentor hjælpe mig med at søge job?', { date: DATE, audience: 'citizen' });
    expect(out.hits[0]!.article.id).to.equal('hvad-hjaelper-mentor-med');
    expect(askQuestion(kb, 'hvordan søger jeg om en mentor', { date: DATE }).hits[0]!.article.id).to.equal(
      'saadan-soeger-du',
    );
  });

  it('answers a question asked word for word as an article phrasing with that article, greetings and spelling aside', () => {
    for (const q of ['kan jeg få mentor?', 'yo kan jeg faa mentor', 'Hej! Kan jeg få en mentor?']) {
      const out = askQuestion(kb, q, { date: DATE });
      expect(out.status, q).to.equal('answer');
      expect(out.hits[0]!.article.id, q).to.equal('hvem-kan-faa-mentor');
    }
  });

  it('answers what the scheme itself is from the article on it, whatever else the question mentions', () => {
    for (const q of [
      'what exactly is this mentorstøtte thing my caseworker keeps mentioning',
      'min sagsbehandler skrev at jeg skal have "mentorstøtte". hvad er det for noget?? skal jeg være bekymret',
    ])
      expect(askQuestion(kb, q, { date: DATE }).hits[0]?.article.id, q).to.equal('hvad-er-mentorstoette');
    expect(
      askQuestion(kb, 'hvad dækker mentorstøtten for os som arbejdsgiver', { date: DATE }).hits[0]?.article.id,
    ).to.not.equal('hvad-er-mentorstoette');
  });

  it('declines a complaint about another benefit or a question about another scheme, not one about a mentor', () => {
    expect(askQuestion(kb, 'Hvordan klager jeg over et afslag på sygedagpenge?', { date: DATE }).status).to.equal(
      'none',
    );
    const mentor = askQuestion(kb, 'kan jeg klage over afslaget på min mentor og min kontanthjælp', { date: DATE });
    expect(mentor.hits[0]?.article.id).to.equal('klage');
    // ... and so is a question about another scheme itself, pointed to where it is answered when we know.
    for (const q of ['Hvad er et jobafklaringsforløb?', 'How do I register as unemployed in Denmark?'])
      expect(askQuestion(kb, q, { date: DATE }).status, q).to.equal('none');
    expect(askQuestion(kb, 'hvad er et fleksjob', { date: DATE }).redirect?.id).to.equal('fleksloentilskud-visitation');
    // A complaint about a fine or a caseworker's conduct is not one about a decision on support.
    for (const q of [
      'hvordan klager jeg over min parkeringsbøde fra kommunen',
      'min sagsbehandler svarer aldrig på mine beskeder. hvem kan jeg klage til over hende',
    ])
      expect(askQuestion(kb, q, { date: DATE }).status, q).to.equal('none');
    expect(askQuestion(kb, 'jeg vil klage over afslaget på mentor', { date: DATE }).hits[0]?.article.id).to.equal(
      'klage',
    );
  });

  it('has learnt from the questions people asked that no article answers which questions are not ours', () => {
    const outOfScope = (q: string) => kb.search.diagnose(q, { date: DATE }).outOfScope;
    expect(outOfScope('kan jeg få tilskud til tandlæge når jeg er på kontanthjælp')).to.be.above(0.5);
    expect(outOfScope('hvor længe kan jeg have en mentor')).to.be.below(0.2);
    expect(outOfScope('kan min mor være min mentor')).to.be.below(0.2);
  });

  it('does not answer the one article that a single word outside our topic names (it offers it or declines)', () => {
    // "min mail er ..." (the address left out) once answered the article about direct contact.
    const out = askQuestion(kb, 'min mail er', { date: DATE });
    expect(out.status).to.be.oneOf(['ambiguous', 'none']);
    expect(out.confident).to.equal(false);
  });

  it('answers a question that says little besides its kind from the articles of that kind', () => {
    const out = askQuestion(kb, 'hvad gør jeg hvis kommunen siger nej', { date: DATE, audience: 'citizen' });
    expect(out.status).to.equal('answer');
    expect(out.hits[0]!.article.id).to.equal('klage');
    // ... and a question that names the scheme is answered by the article of the kind it asks, whatever else it says.
    const change = askQuestion(kb, "My mentor and I really don't get along. Can I switch to someone else?", {
      date: DATE,
    });
    expect(change.status).to.equal('answer');
    expect(change.hits[0]!.article.id).to.equal('mentor-syg-eller-skift');
    // ... also when its only word is the kind's own: "hvordan søger jeg?" after the bot's answer.
    for (const q of ['hvordan søger jeg', 'Where do I apply?']) {
      const applied = askQuestion(kb, q, { date: DATE, audience: 'citizen' });
      expect(applied.status, q).to.equal('answer');
      expect(applied.hits[0]!.article.id, q).to.equal('saadan-soeger-du');
    }
  });

  it('is not confident when the best article covers little of the question, or a rival covers clearly more', () => {
    // "bill" and "price" are cost words; "told" once made an article about discharge the confident answer.
    const out = askQuestion(kb, 'Will I get a bill for the mentor? Nobody told me anything about the price', {
      date: DATE,
    });
    expect(out.status === 'answer' && out.hits[0]!.article.id !== 'hvem-betaler', out.status).to.equal(false);
    expect(out.hits.map((h) => h.article.id)).to.include('hvem-betaler');
  });

  it('offers the close alternatives when two articles fit nearly as well', () => {
    const out = top('mentor');
    if (out.status === 'ambiguous') {
      expect(out.hits.length).to.be.within(2, 3);
    } else {
      expect(out.status).to.equal('answer');
    }
    const ambiguous = top('hvem kan få en mentor');
    expect(['answer', 'ambiguous']).to.include(ambiguous.status);
    expect(ambiguous.hits.map((h) => h.article.id)).to.include('hvem-kan-faa-mentor');
  });

  it('never throws on input that breaks lunr query syntax, and declines empty or punctuation-only input', () => {
    for (const q of [
      'bolig:',
      'hvad er ~',
      'mentor^',
      '+-*:~',
      '',
      '   ',
      '???',
      'title:mentor',
      '\u0000\u200b\u202e',
      '🙂🙂',
    ]) {
      expect(() => top(q), JSON.stringify(q)).to.not.throw();
    }
    expect(top('???').status).to.equal('none');
    expect(top('').status).to.equal('none');
  });

  it('handles a very long question quickly and without error', () => {
    const long = 'mentor '.repeat(20000) + 'fleksjob';
    const started = Date.now();
    expect(() => top(long)).to.not.throw();
    expect(Date.now() - started).to.be.lessThan(2000);
  });

  it('leaves out articles not valid on the date asked', () => {
    expect(top('udgiftsloft for kommunen mentor', { date: '2025-06-01' }).hits.map((h) => h.article.id)).to.not.include(
      'aendring-udgiftsloft-2026',
    );
    expect(top('udgiftsloft for kommunen mentor', { date: DATE }).hits[0]?.article.id).to.equal(
      'aendring-udgiftsloft-2026',
    );
  });

  it('leaves out articles for the other audience when asked to', () => {
    const ids = top('hvad dækker støtten til frikøb', { audience: 'citizen' }).hits.map((h) => h.article.id);
    for (const id of ids) expect(kb.articles.find((a) => a.id === id)!.audience).to.not.equal('employer');
  });

  it('meets the accuracy goals on our question set, with a classifier not trained on it (top-1 90 %, top-3 97 %, out of scope declined 90 %)', () => {
    const set = evalSets('questions').find((s) => s.name === 'eval-questions')!;
    const r = scoreQuestions(questionsIn(set), (q) => {
      const out = askQuestion(kbFor(set), q.q, { date: DATE, lang: q.lang });
      return askedOf(out);
    });
    expect(r.inScope).to.be.at.least(60);
    expect(r.top1 / r.inScope).to.be.at.least(0.9);
    expect(r.top3 / r.inScope).to.be.at.least(0.97);
    expect(r.declined / r.outOfScope).to.be.at.least(0.9);
  });
});
