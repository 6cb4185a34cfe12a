import { expect } from 'chai';
import { fold, guessLanguage, terms, words } from '../../../knowledge/search/normalise.js';

describe('text normaliser', () => {
  it('folds æøå and their typed spellings to one form', () => {
    expect(fold('støtte')).to.equal(fold('stoette'));
    expect(fold('støtte')).to.equal(fold('stotte'));
    expect(fold('frikøb')).to.equal(fold('frikob'));
    expect(fold('læge')).to.equal(fold('laege'));
    expect(fold('måneder')).to.equal(fold('maaneder'));
    expect(fold('måneder')).to.equal(fold('maneder'));
  });

  it('keeps "fået" two syllables instead of folding it into "fat"', () => {
    expect(fold('fået')).to.equal('faet');
  });

  it('gives a hyphenated word as the joined word and its parts', () => {
    expect(words('Bolig-støtte og a-kasse')).to.deep.equal(['boligstøtte', 'bolig', 'støtte', 'og', 'akasse', 'kasse']);
  });

  it('drops punctuation that would break a lunr query', () => {
    expect(words('bolig: hvad er ~ mentor^2 +ja -nej *')).to.deep.equal([
      'bolig',
      'hvad',
      'er',
      'mentor',
      '2',
      'ja',
      'nej',
    ]);
  });

  it('stems Danish so inflected forms meet', () => {
    expect(terms('mentorordningen', 'da')).to.deep.equal(terms('mentorordning', 'da'));
    expect(terms('forlængelsen', 'da')).to.deep.equal(terms('forlængelse', 'da'));
    expect(terms('ansøgningen', 'da')).to.deep.equal(terms('ansøgning', 'da'));
  });

  it('keeps apart words the Danish stemmer would join but that mean different things here', () => {
    expect(terms('varighed', 'da')).to.not.deep.equal(terms('være', 'da'));
    expect(terms('hvor længe varer det', 'da')).to.include(terms('varighed', 'da')[0]);
    expect(terms('afgørende', 'da')).to.not.deep.equal(terms('afgørelse', 'da'));
    expect(terms('ledig', 'da')).to.not.deep.equal(terms('leder', 'da'));
    expect(terms('afgørelsen', 'da')).to.deep.equal(terms('afgørelse', 'da'));
  });

  it('treats case, æøå spellings and inflection alike', () => {
    expect(terms('MENTORSTØTTEN', 'da')).to.deep.equal(terms('mentorstotte', 'da'));
  });

  it('drops Danish and English stop words and chat filler', () => {
    expect(terms('hej, kan jeg få en mentor?', 'da')).to.deep.equal(['fa', 'mentor']);
    expect(terms('what is the deadline', 'en')).to.deep.equal(['deadlin']);
  });

  it('reads chat spellings and English contractions as the words they stand for', () => {
    expect(terms('hva er mentorstøtte', 'da')).to.deep.equal(terms('hvad er mentorstøtte', 'da'));
    expect(terms('ka man ik få en mentor', 'da')).to.deep.equal(terms('kan man ikke få en mentor', 'da'));
    expect(terms("I'm sure we don't get along", 'en')).to.deep.equal(['sure', 'along']);
  });

  it('keeps the stop words that carry meaning here', () => {
    expect(terms('hvem kan være mentor', 'da')).to.include('var');
    expect(terms('under 30 år', 'da')).to.include('und');
  });

  it('guesses the language of a question from its small words', () => {
    expect(guessLanguage('hvem kan få en mentor')).to.equal('da');
    expect(guessLanguage('who can get a mentor')).to.equal('en');
    expect(guessLanguage('mentor', 'en')).to.equal('en');
    expect(guessLanguage('mentor')).to.equal('da');
  });
});
