/**
 * How sure the search is of an answer it would give with confidence: a logistic model over what the ranking saw,
 * fitted on the development question sets (test/eval/fit-confidence.ts writes confidence-model.ts). Below
 * CALIBRATION.CONFIDENT_MIN_PROBABILITY the best few articles are offered ("Mente du ...?") instead of one answered.
 * The ratio of the runner-up's score alone tells right from wrong poorly; together with how much of the question the
 * answer covers, how closely its phrasings match in words and in letters, and whether its kind was asked, it tells
 * better.
 */

/** What the ranking says of the answer (a) and the runner-up (b), as the model reads them. */
export interface RankedForConfidence {
  score: number;
  coverage: number;
  strength: number;
  phrase: number;
  grams: number;
  signal: number;
}

export const CONFIDENCE_FEATURES = [
  'runnerUpRatio',
  'coverage',
  'phrase',
  'grams',
  'gramsLead',
  'closestInLetters',
  'logStrength',
  'logWords',
  'kindAsked',
  'otherKind',
  'runnerUpCoverageLead',
  'phraseLead',
  'runnerUpGrams',
  'namesTopic',
  'kindsAsked',
  'voiceAgrees',
  'voiceDisagrees',
  'forBoth',
] as const;

/** What the question says besides the ranking. */
export interface QuestionForConfidence {
  /** Content words (with weight). */
  words: number;
  /** It names our topic ("mentor"). */
  named: boolean;
  /** How many kinds of question it asks. */
  kinds: number;
  /** Who it sounds like, and whom the answer is written for. */
  voice: 'citizen' | 'employer' | null;
  audience: 'citizen' | 'employer' | 'both';
}

export interface ConfidenceModel {
  features: readonly string[];
  mean: number[];
  sd: number[];
  weights: number[];
  bias: number;
}

const NOBODY: RankedForConfidence = { score: 0, coverage: 0, strength: 0, phrase: 0, grams: 0, signal: 1 };

/** The features, in the order of CONFIDENCE_FEATURES, of answering `a` with `others` behind it. */
export function confidenceFeatures(
  a: RankedForConfidence,
  others: readonly RankedForConfidence[],
  question: QuestionForConfidence,
): number[] {
  const { words, named, kinds, voice, audience } = question;
  const b = others[0] ?? NOBODY;
  const closest = Math.max(a.grams, ...others.map((h) => h.grams));
  return [
    a.score > 0 ? b.score / a.score : 0,
    a.coverage,
    a.phrase,
    a.grams,
    a.grams - b.grams,
    a.grams >= closest ? 1 : 0,
    Math.log(1 + a.strength),
    Math.log(1 + words),
    a.signal > 1 ? 1 : 0,
    a.signal < 1 ? 1 : 0,
    b.coverage - a.coverage,
    a.phrase - b.phrase,
    b.grams,
    named ? 1 : 0,
    Math.log(1 + kinds),
    voice !== null && audience === voice ? 1 : 0,
    voice !== null && audience !== 'both' && audience !== voice ? 1 : 0,
    audience === 'both' ? 1 : 0,
  ];
}

/** The model's probability that the answer is right, 0..1. */
export function probabilityRight(model: ConfidenceModel, features: readonly number[]): number {
  let z = model.bias;
  features.forEach((v, i) => {
    z += ((v - model.mean[i]!) / (model.sd[i] || 1)) * model.weights[i]!;
  });
  return 1 / (1 + Math.exp(-z));
}

/** Fits the model by gradient descent on standardised features (a small L2 penalty keeps the weights modest). */
export function fitConfidence(rows: readonly { features: number[]; right: boolean }[]): ConfidenceModel {
  const n = CONFIDENCE_FEATURES.length;
  const mean = Array<number>(n).fill(0);
  const sd = Array<number>(n).fill(0);
  for (const r of rows) r.features.forEach((v, i) => (mean[i]! += v / rows.length));
  for (const r of rows) r.features.forEach((v, i) => (sd[i]! += (v - mean[i]!) ** 2 / rows.length));
  for (let i = 0; i < n; i++) sd[i] = Math.sqrt(sd[i]!) || 1;
  const x = rows.map((r) => r.features.map((v, i) => (v - mean[i]!) / sd[i]!));
  const weights = Array<number>(n).fill(0);
  let bias = 0;
  for (let step = 0; step < 3000; step++) {
    const grad = Array<number>(n).fill(0);
    let gradBias = 0;
    rows.forEach((r, k) => {
      const z = bias + x[k]!.reduce((s, v, i) => s + v * weights[i]!, 0);
      const err = 1 / (1 + Math.exp(-z)) - (r.right ? 1 : 0);
      gradBias += err;
      x[k]!.forEach((v, i) => (grad[i]! += err * v));
    });
    bias -= (0.5 * gradBias) / rows.length;
    for (let i = 0; i < n; i++) weights[i]! -= 0.5 * (grad[i]! / rows.length + 0.001 * weights[i]!);
  }
  return { features: [...CONFIDENCE_FEATURES], mean, sd, weights, bias };
}
