// Written by test/eval/fit-confidence.ts from 2184 confident answers of the development sets: do not edit.
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
    0.13651, 0.759204, 0.626566, 0.598139, 0.246052, 0.826923, 1.74912, 1.92626, 0.752289, 0.0485348, -0.219376,
    0.216259, 0.352087, 0.95696, 0.609188, 0.621337, 0.014652, 0.123626, 0.762622, 0.738445,
  ],
  sd: [
    0.189643, 0.242422, 0.236831, 0.201823, 0.228633, 0.378314, 0.489302, 0.429002, 0.431683, 0.214893, 0.263969,
    0.238882, 0.17919, 0.202948, 0.380749, 0.485054, 0.120155, 0.329155, 0.322707, 0.355844,
  ],
  weights: [
    -0.438329, -0.109475, 0.401622, 0.190174, 0.320141, 0.233187, 0.295142, 0.335674, 0.241747, 0.432435, 0.030405,
    -0.107632, -0.194283, 0.0868738, -0.260352, 0.162156, -0.064048, 0.316458, 0.893232, 0.346628,
  ],
  bias: 5.18024,
};
