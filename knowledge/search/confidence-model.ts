// Written by test/eval/fit-confidence.ts from 2590 confident answers of the development sets: do not edit.
import type { ConfidenceModel } from './confidence.js';

export const CONFIDENCE_MODEL: ConfidenceModel = {
  features: [
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
    'classified',
    'classLead',
  ],
  mean: [
    0.138121, 0.757012, 0.626608, 0.596148, 0.243417, 0.820849, 1.74784, 1.92842, 0.745946, 0.0486486, -0.21937,
    0.216351, 0.352732, 0.951737, 0.611701, 0.630888, 0.0131274, 0.125483, 0.765321, 0.739411,
  ],
  sd: [
    0.192207, 0.243784, 0.237118, 0.204122, 0.229585, 0.383478, 0.487468, 0.430159, 0.435328, 0.215132, 0.26387,
    0.240196, 0.179322, 0.21432, 0.380946, 0.482564, 0.11382, 0.331265, 0.325073, 0.363374,
  ],
  weights: [
    -0.328213, -0.0918345, 0.359285, 0.202817, 0.262642, 0.234967, 0.324832, 0.296701, 0.188986, 0.352011, 0.00829454,
    -0.0916758, -0.105393, 0.0686312, -0.155604, 0.116555, 0.0323375, 0.215276, 1.13494, 0.303604,
  ],
  bias: 5.13774,
};
