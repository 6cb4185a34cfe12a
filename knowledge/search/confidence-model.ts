// Written by test/eval/fit-confidence.ts from 1751 confident answers of the development sets: do not edit.
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
    0.159899, 0.747857, 0.611285, 0.582925, 0.236187, 0.825814, 1.76418, 1.95079, 0.744717, 0.0553969, -0.218052,
    0.206397, 0.346738, 0.956025, 0.608119, 0.626499, 0.0194175, 0.123929, 0.735328, 0.708749,
  ],
  sd: [
    0.203009, 0.240894, 0.230644, 0.192842, 0.219446, 0.37927, 0.488929, 0.426124, 0.43602, 0.228753, 0.259885,
    0.227401, 0.173658, 0.205039, 0.382642, 0.483733, 0.137987, 0.329501, 0.335307, 0.369448,
  ],
  weights: [
    -0.630238, -0.251301, 0.506494, 0.354058, 0.225922, 0.307339, 0.334322, 0.329992, 0.416713, 0.461797, -0.0880317,
    -0.184307, 0.107681, 0.0903607, -0.187529, 0.107776, -0.134631, 0.521471, 0.677644, 0.396905,
  ],
  bias: 5.26491,
};
