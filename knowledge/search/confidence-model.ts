// Written by test/eval/fit-confidence.ts from 1405 confident answers of the development sets: do not edit.
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
  ],
  mean: [
    0.305975, 0.759825, 0.617455, 0.584502, 0.235532, 0.827758, 1.80421, 1.95829, 0.733096, 0.0711744, -0.228664,
    0.213183, 0.34897, 0.945907, 0.613531, 0.622064, 0.0270463, 0.120996,
  ],
  sd: [
    0.247825, 0.226112, 0.224816, 0.18927, 0.215318, 0.377591, 0.488748, 0.434537, 0.442342, 0.257116, 0.248774, 0.2176,
    0.173633, 0.2262, 0.383955, 0.484871, 0.162218, 0.326123,
  ],
  weights: [
    -0.728614, -0.277803, 0.252027, 0.686189, 0.476847, 0.229345, 0.790733, 0.00383673, 0.437655, -0.0312847, -0.229874,
    -0.179371, 0.156661, 0.101855, -0.31515, 0.261806, -0.126049, 0.374478,
  ],
  bias: 4.05614,
};
