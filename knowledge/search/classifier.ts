/**
 * A third view of which article a question asks for: a linear classifier (softmax regression over stems and pairs of
 * neighbouring stems) trained when the index is built on the articles' own titles, question phrasings and keywords,
 * and on the questions people wrote without seeing them (knowledge/examples/). Where the word search adds up how rare
 * the shared words are, the classifier learns which words tell one article from its neighbours ("koster det mig"
 * against "hvad koster det jer"). Its one class more, after the articles, is the questions no article answers. The
 * search multiplies an article's score by (1 + CLASS_BONUS x its probability), declines a question that is likely
 * none of ours, and the confidence model reads it too.
 */

import { type Lang, fold, stem, words } from './normalise.js';

/**
 * The words the classifier reads, folded and stemmed, stop words kept: "mig", "jer", "vi" and "hvem" tell a citizen's
 * question from an employer's, and what is asked, better than any content word.
 */
export function classifierWords(text: string, lang: Lang): string[] {
  return words(text).map((w) => stem(fold(w), lang));
}

/** The trained model as the index stores it: per feature, its classes and weights (only those it learnt). */
export interface ClassifierData {
  bias: number[];
  /** Feature (a stem, or two stems with a space) -> [class, weight, class, weight, ...]. */
  weights: Record<string, number[]>;
}

/** Training passes over the phrasings. */
const EPOCHS = 30;
const RATE = 0.5;
const L2 = 1e-4;
/**
 * A class an example hardly pulls at (|gradient| below this) is not updated: the model learns each feature only for
 * the classes it must be told apart from, which keeps it small (about 120,000 weights for 82 articles and the
 * examples).
 */
const SMALL = 0.05;
/** Weights are stored to this many decimals. */
const DECIMALS = 4;

/** Stems and pairs of neighbouring stems: a phrasing's or a question's features. */
function featureNames(stems: readonly string[]): string[] {
  const names = new Set(stems);
  for (let i = 0; i + 1 < stems.length; i++) names.add(`${stems[i]} ${stems[i + 1]}`);
  return [...names];
}

/**
 * Trains the classifier: `examples[c]` are the phrasings (each its stems, in order) of class `c`. Deterministic: the
 * same examples give the same model.
 */
export function trainClassifier(examples: readonly (readonly (readonly string[])[])[]): ClassifierData {
  const k = examples.length;
  const index = new Map<string, number>();
  const data: { features: number[]; label: number }[] = [];
  examples.forEach((phrasings, label) => {
    for (const stems of phrasings) {
      const features = featureNames(stems).map((name) => {
        let f = index.get(name);
        if (f === undefined) index.set(name, (f = index.size));
        return f;
      });
      if (features.length > 0) data.push({ features, label });
    }
  });
  const weights = new Float64Array(index.size * k);
  const bias = new Float64Array(k);
  // AdaGrad: each weight's step shrinks with the gradients it has had.
  const squared = new Float64Array(index.size * k).fill(1e-8);
  const squaredBias = new Float64Array(k).fill(1e-8);
  const order = data.map((_, i) => i);
  let seed = 12345;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const p = new Float64Array(k);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    for (const at of order) {
      const { features, label } = data[at]!;
      const scale = 1 / Math.sqrt(features.length);
      p.set(bias);
      for (const f of features) for (let c = 0; c < k; c++) p[c]! += weights[f * k + c]! * scale;
      softmax(p);
      for (let c = 0; c < k; c++) {
        const g = p[c]! - (c === label ? 1 : 0);
        if (g > -SMALL && g < SMALL) continue;
        squaredBias[c]! += g * g;
        bias[c]! -= (RATE * g) / Math.sqrt(squaredBias[c]!);
        for (const f of features) {
          const w = f * k + c;
          const gw = g * scale + L2 * weights[w]!;
          squared[w]! += gw * gw;
          weights[w]! -= (RATE * gw) / Math.sqrt(squared[w]!);
        }
      }
    }
  }
  const round = (v: number) => Number(v.toFixed(DECIMALS));
  const stored: Record<string, number[]> = {};
  for (const [name, f] of index) {
    const list: number[] = [];
    for (let c = 0; c < k; c++) {
      const w = round(weights[f * k + c]!);
      if (w !== 0) list.push(c, w);
    }
    if (list.length > 0) stored[name] = list;
  }
  return { bias: [...bias].map(round), weights: stored };
}

function softmax(p: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of p) max = Math.max(max, v);
  let sum = 0;
  for (let c = 0; c < p.length; c++) sum += p[c] = Math.exp(p[c]! - max);
  for (let c = 0; c < p.length; c++) p[c]! /= sum;
  return p;
}

/** The stored classifier, ready to score questions. */
export class PhrasingClassifier {
  private readonly bias: Float64Array;
  private readonly weights: Map<string, number[]>;

  constructor(data: ClassifierData) {
    this.bias = Float64Array.from(data.bias);
    this.weights = new Map(Object.entries(data.weights));
  }

  /** The probability of each class (article, in the index's order) for a question's stems, in order. */
  probabilities(stems: readonly string[]): Float64Array {
    const p = Float64Array.from(this.bias);
    const known = featureNames(stems)
      .map((name) => this.weights.get(name))
      .filter((list) => list !== undefined);
    const scale = known.length > 0 ? 1 / Math.sqrt(known.length) : 0;
    for (const list of known) for (let i = 0; i < list.length; i += 2) p[list[i]!]! += list[i + 1]! * scale;
    return softmax(p);
  }
}
