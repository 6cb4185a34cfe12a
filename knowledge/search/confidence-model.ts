// Written by test/eval/fit-confidence.ts from 1747 confident answers of the development sets: do not edit.
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
    0.206979, 0.750337, 0.613908, 0.584098, 0.233376, 0.828849, 1.76554, 1.95085, 0.739554, 0.060103, -0.214197,
    0.207484, 0.350722, 0.953062, 0.60627, 0.628506, 0.0217516, 0.117916, 0.579456, 0.54124,
  ],
  sd: [
    0.224573, 0.238389, 0.227946, 0.192656, 0.217303, 0.37664, 0.485541, 0.428672, 0.438878, 0.237678, 0.255577,
    0.225209, 0.172967, 0.211505, 0.384234, 0.483204, 0.145871, 0.322509, 0.354194, 0.390428,
  ],
  weights: [
    -0.765503, -0.0946989, 0.558042, 0.242979, 0.209905, 0.207522, 0.0809132, 0.572427, 0.276582, 0.231725, -0.367328,
    -0.257412, 0.00692888, 0.173692, -0.247293, 0.302596, -0.0745869, 0.498219, 0.26165, 0.554701,
  ],
  bias: 4.30435,
};
