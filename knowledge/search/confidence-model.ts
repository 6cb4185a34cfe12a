// Written by test/eval/fit-confidence.ts from 1437 confident answers of the development sets: do not edit.
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
    0.309601, 0.749521, 0.612613, 0.579844, 0.232804, 0.826722, 1.78497, 1.96404, 0.73904, 0.0695894, -0.221527,
    0.208982, 0.34704, 0.94572, 0.614466, 0.627001, 0.0271399, 0.12039,
  ],
  sd: [
    0.248543, 0.236211, 0.226747, 0.190494, 0.213309, 0.378487, 0.492744, 0.43686, 0.439158, 0.254454, 0.248308,
    0.217455, 0.172621, 0.226569, 0.379852, 0.483602, 0.162491, 0.325417,
  ],
  weights: [
    -0.789205, -0.279765, 0.339883, 0.5896, 0.404092, 0.264656, 0.562473, 0.174036, 0.596245, 0.0610038, -0.169095,
    -0.200374, 0.151306, 0.0841951, -0.398014, 0.332993, -0.163746, 0.368328,
  ],
  bias: 4.08198,
};
