// Written by test/eval/fit-confidence.ts from 3006 confident answers of the development sets: do not edit.
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
    0.136605, 0.762716, 0.630732, 0.600717, 0.245639, 0.825349, 1.74149, 1.91664, 0.749168, 0.0462409, -0.219647,
    0.21752, 0.355079, 0.954424, 0.615286, 0.631071, 0.0113107, 0.126414, 0.774324, 0.749501,
  ],
  sd: [
    0.190527, 0.242016, 0.237405, 0.203702, 0.230753, 0.379668, 0.486277, 0.424581, 0.433492, 0.210006, 0.267417,
    0.243913, 0.179971, 0.208563, 0.378402, 0.482515, 0.105749, 0.332315, 0.323151, 0.361162,
  ],
  weights: [
    -0.278547, -0.0161917, 0.297955, 0.176592, 0.2585, 0.231017, 0.235913, 0.2151, 0.122771, 0.366298, -0.079606,
    -0.0364687, -0.131564, 0.182641, -0.142529, 0.181668, 0.0100942, 0.0847339, 0.994781, 0.498094,
  ],
  bias: 5.16383,
};
