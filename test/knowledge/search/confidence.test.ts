import { expect } from 'chai';
import { CALIBRATION } from '../../../knowledge/search/calibration.js';
import {
  CONFIDENCE_FEATURES,
  type RankedForConfidence,
  confidenceFeatures,
  fitConfidence,
  probabilityRight,
} from '../../../knowledge/search/confidence.js';
import { CONFIDENCE_MODEL } from '../../../knowledge/search/confidence-model.js';
import { LetterGrams } from '../../../knowledge/search/letter-grams.js';
import { PhrasingClassifier, trainClassifier } from '../../../knowledge/search/classifier.js';
import { knowledgeBase } from '../../helpers.js';

const hit = (over: Partial<RankedForConfidence>): RankedForConfidence => ({
  score: 10,
  coverage: 0.8,
  strength: 4,
  phrase: 0.7,
  grams: 0.6,
  signal: 1,
  cls: 0.5,
  ...over,
});

const QUESTION = { words: 4, named: true, kinds: 1, voice: null, audience: 'citizen' } as const;

describe('the confidence model', () => {
  it('reads the runner-up, the coverage and the phrasings of an answer as its features', () => {
    const f = confidenceFeatures(hit({}), [hit({ score: 5, grams: 0.8, coverage: 1 })], QUESTION);
    expect(f).to.have.length(CONFIDENCE_FEATURES.length);
    const at = (name: (typeof CONFIDENCE_FEATURES)[number]) => f[CONFIDENCE_FEATURES.indexOf(name)];
    expect(at('runnerUpRatio')).to.equal(0.5);
    expect(at('closestInLetters')).to.equal(0);
    expect(at('gramsLead')).to.be.closeTo(-0.2, 1e-9);
    expect(at('runnerUpCoverageLead')).to.be.closeTo(0.2, 1e-9);
    expect(at('namesTopic')).to.equal(1);
    expect(at('voiceDisagrees')).to.equal(0);
    const employer = confidenceFeatures(hit({}), [], { ...QUESTION, voice: 'employer' });
    expect(employer[CONFIDENCE_FEATURES.indexOf('voiceDisagrees')]).to.equal(1);
    expect(employer[CONFIDENCE_FEATURES.indexOf('runnerUpRatio')]).to.equal(0);
  });

  it('learns to tell right from wrong on rows where one feature decides', () => {
    const rows = Array.from({ length: 200 }, (_, i) => {
      const right = i % 2 === 0;
      const features = CONFIDENCE_FEATURES.map((_, k) => (k === 1 ? (right ? 0.9 : 0.3) + (i % 7) / 100 : i % 5));
      return { features, right };
    });
    const model = fitConfidence(rows);
    for (const r of rows.slice(0, 10)) {
      const p = probabilityRight(model, r.features);
      if (r.right) expect(p).to.be.above(0.8);
      else expect(p).to.be.below(0.2);
    }
  });

  it('is fitted for the features the search reads now (refit with test/eval/fit-confidence.js when they change)', () => {
    expect(CONFIDENCE_MODEL.features).to.deep.equal([...CONFIDENCE_FEATURES]);
    for (const list of [CONFIDENCE_MODEL.mean, CONFIDENCE_MODEL.sd, CONFIDENCE_MODEL.weights])
      expect(list).to.have.length(CONFIDENCE_FEATURES.length);
  });

  it('gives a plain question its answer, and offers rather than answers when the runner-up is as good', () => {
    const kb = knowledgeBase();
    const plain = kb.search.search('hvor længe kan jeg have en mentor', { date: '2026-11-22' });
    expect(plain.status).to.equal('answer');
    expect(probabilityRight(CONFIDENCE_MODEL, plain.features!)).to.be.at.least(CALIBRATION.CONFIDENT_MIN_PROBABILITY);
    const unsure = confidenceFeatures(hit({ coverage: 0.3, phrase: 0.2, grams: 0.2 }), [hit({ score: 9.4 })], {
      ...QUESTION,
      words: 9,
    });
    expect(probabilityRight(CONFIDENCE_MODEL, unsure)).to.be.below(CALIBRATION.CONFIDENT_MIN_PROBABILITY);
  });
});

describe('letter n-grams', () => {
  const grams = new LetterGrams(knowledgeBase().articles);

  it('finds the article whose phrasing a misspelt question resembles', () => {
    const sim = grams.similarity('hvor lenge kan jeg ha en mentr');
    const best = [...sim.entries()].sort((a, b) => b[1] - a[1])[0]!;
    expect(best[0]).to.equal('varighed');
    expect(best[1]).to.be.within(0, 1);
  });

  it('finds nothing in a text without letters', () => {
    expect(grams.similarity('?!').size).to.equal(0);
  });
});

describe('the phrasing classifier', () => {
  // Three articles whose phrasings share "mentor" and "koste": only the other words tell them apart.
  const examples = [
    [
      ['hvad', 'kost', 'mentor', 'mig'],
      ['skal', 'jeg', 'betal', 'mentor'],
      ['kost', 'det', 'mig', 'nog'],
    ],
    [
      ['hvad', 'kost', 'mentor', 'jer'],
      ['hvad', 'far', 'virksom', 'dæk'],
      ['kost', 'det', 'virksom', 'nog'],
    ],
    [
      ['hvor', 'læng', 'mentor'],
      ['hvor', 'mang', 'måned'],
      ['læng', 'kan', 'jeg', 'have', 'mentor'],
    ],
  ];

  it('learns the words that tell neighbouring articles apart', () => {
    const model = new PhrasingClassifier(trainClassifier(examples));
    const argmax = (p: Float64Array) => p.indexOf(Math.max(...p));
    expect(argmax(model.probabilities(['kost', 'det', 'mig']))).to.equal(0);
    expect(argmax(model.probabilities(['kost', 'det', 'virksom']))).to.equal(1);
    expect(argmax(model.probabilities(['hvor', 'læng']))).to.equal(2);
    const p = model.probabilities(['kost', 'mentor', 'mig']);
    expect(p.reduce((a, b) => a + b, 0)).to.be.closeTo(1, 1e-9);
  });

  it('is the same model each time it is trained, and says nothing for words it never saw', () => {
    expect(trainClassifier(examples)).to.deep.equal(trainClassifier(examples));
    const p = new PhrasingClassifier(trainClassifier(examples)).probabilities(['blåbær']);
    const even = new PhrasingClassifier({ bias: [0, 0, 0], weights: {} }).probabilities(['blåbær']);
    expect([...even]).to.deep.equal([1 / 3, 1 / 3, 1 / 3]);
    expect(p).to.have.length(3);
  });

  it('ranks the citizen\'s cost article first for "hvad koster det for mig" in the real knowledge base', () => {
    const kb = knowledgeBase();
    const out = kb.search.search('hvad koster det for mig?', { date: '2026-11-22' });
    expect(out.hits[0]?.article.id).to.equal('hvem-betaler');
  });
});
