// Written by test/eval/fit-confidence.ts from 1436 confident answers of the development sets: do not edit.
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
    0.3089, 0.7495, 0.612859, 0.579953, 0.232896, 0.827298, 1.78445, 1.96362, 0.739554, 0.0689415, -0.221466, 0.20946,
    0.347058, 0.945682, 0.614129, 0.627437, 0.0264624, 0.120474,
  ],
  sd: [
    0.248119, 0.236291, 0.226633, 0.190515, 0.213401, 0.377989, 0.492508, 0.436724, 0.438878, 0.253355, 0.248538,
    0.217228, 0.172785, 0.226643, 0.37977, 0.483487, 0.160506, 0.325514,
  ],
  weights: [
    -0.786441, -0.277025, 0.337738, 0.585335, 0.399332, 0.267113, 0.558143, 0.177114, 0.597691, 0.0615276, -0.165554,
    -0.190284, 0.152198, 0.0830538, -0.401009, 0.331387, -0.165741, 0.3668,
  ],
  bias: 4.08061,
};
