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
    0.203913, 0.74937, 0.61205, 0.582845, 0.233324, 0.829422, 1.76759, 1.95373, 0.741843, 0.0578134, -0.216748,
    0.207676, 0.349521, 0.953062, 0.606899, 0.626789, 0.0211792, 0.121351, 0.612426, 0.572105,
  ],
  sd: [
    0.226277, 0.240044, 0.230109, 0.192955, 0.217667, 0.37614, 0.487336, 0.428002, 0.437621, 0.23339, 0.254223,
    0.224866, 0.174296, 0.211505, 0.383423, 0.483658, 0.143981, 0.326535, 0.351201, 0.391444,
  ],
  weights: [
    -0.836122, -0.0190793, 0.482582, 0.239419, 0.210353, 0.0754363, 0.23544, 0.349272, 0.0914835, 0.192463, -0.253573,
    -0.265198, 0.00235417, 0.185432, -0.0244661, 0.338175, -0.0710672, 0.517228, 0.0209478, 0.600041,
  ],
  bias: 4.29271,
};
