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
  /** The phrasing classifier's probability for the article (classifier.ts). */
  cls: number;
}

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

const NOBODY: RankedForConfidence = { score: 0, coverage: 0, strength: 0, phrase: 0, grams: 0, signal: 1, cls: 0 };

/** What a feature reads: the answer (a), the runner-up (b), the closest letter match of all, and the question. */
interface Seen {
  a: RankedForConfidence;
  b: RankedForConfidence;
  closest: number;
  q: QuestionForConfidence;
}

/** Each feature by its name, in the order the model's weights are in. */
const FEATURES = {
  runnerUpRatio: ({ a, b }: Seen) => (a.score > 0 ? b.score / a.score : 0),
  coverage: ({ a }: Seen) => a.coverage,
  phrase: ({ a }: Seen) => a.phrase,
  grams: ({ a }: Seen) => a.grams,
  gramsLead: ({ a, b }: Seen) => a.grams - b.grams,
  closestInLetters: ({ a, closest }: Seen) => (a.grams >= closest ? 1 : 0),
  logStrength: ({ a }: Seen) => Math.log(1 + a.strength),
  logWords: ({ q }: Seen) => Math.log(1 + q.words),
  kindAsked: ({ a }: Seen) => (a.signal > 1 ? 1 : 0),
  otherKind: ({ a }: Seen) => (a.signal < 1 ? 1 : 0),
  runnerUpCoverageLead: ({ a, b }: Seen) => b.coverage - a.coverage,
  phraseLead: ({ a, b }: Seen) => a.phrase - b.phrase,
  runnerUpGrams: ({ b }: Seen) => b.grams,
  namesTopic: ({ q }: Seen) => (q.named ? 1 : 0),
  kindsAsked: ({ q }: Seen) => Math.log(1 + q.kinds),
  voiceAgrees: ({ q }: Seen) => (q.voice !== null && q.audience === q.voice ? 1 : 0),
  voiceDisagrees: ({ q }: Seen) => (q.voice !== null && q.audience !== 'both' && q.audience !== q.voice ? 1 : 0),
  forBoth: ({ q }: Seen) => (q.audience === 'both' ? 1 : 0),
  classified: ({ a }: Seen) => a.cls,
  classLead: ({ a, b }: Seen) => a.cls - b.cls,
};

export const CONFIDENCE_FEATURES = Object.keys(FEATURES) as readonly (keyof typeof FEATURES)[];

/** The features, in the order of CONFIDENCE_FEATURES, of answering `a` with `others` behind it. */
export function confidenceFeatures(
  a: RankedForConfidence,
  others: readonly RankedForConfidence[],
  q: QuestionForConfidence,
): number[] {
  const seen: Seen = { a, b: others[0] ?? NOBODY, closest: Math.max(a.grams, ...others.map((h) => h.grams)), q };
  return CONFIDENCE_FEATURES.map((name) => FEATURES[name](seen));
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
