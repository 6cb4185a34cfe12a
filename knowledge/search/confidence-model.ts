// Written by test/eval/fit-confidence.ts from 1403 confident answers of the development sets: do not edit.
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
  ],
  mean: [
    0.306126, 0.760061, 0.618073, 0.585023, 0.235849, 0.828225, 1.80541, 1.95895, 0.73129, 0.0712758, -0.228609,
    0.213624,
  ],
  sd: [
    0.247855, 0.225668, 0.224282, 0.188899, 0.215189, 0.377185, 0.487451, 0.434478, 0.443289, 0.257285, 0.248929,
    0.217406,
  ],
  weights: [
    -0.69254, -0.326464, 0.229389, 0.899279, 0.215409, 0.223976, 0.817606, -0.0291735, 0.241124, -0.241874, -0.271637,
    -0.178648,
  ],
  bias: 3.95636,
};
