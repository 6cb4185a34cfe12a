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
    0.200634, 0.750633, 0.61284, 0.583138, 0.234934, 0.82924, 1.77076, 1.95378, 0.744146, 0.0576813, -0.221428,
    0.208957, 0.348204, 0.95317, 0.608284, 0.624786, 0.0217019, 0.122216, 0.619308, 0.579353,
  ],
  sd: [
    0.223274, 0.239537, 0.230296, 0.192709, 0.219198, 0.376299, 0.48672, 0.42826, 0.43634, 0.23314, 0.254601, 0.223963,
    0.173401, 0.211275, 0.382914, 0.484178, 0.145708, 0.327535, 0.349379, 0.39021,
  ],
  weights: [
    -0.693734, 0.00790913, 0.281996, 0.335274, 0.314258, 0.161994, 0.395902, 0.142611, 0.212707, 0.329888, -0.0821294,
    -0.209269, -0.0246515, 0.109711, -0.0110791, 0.322537, -0.15622, 0.355388, 0.231769, 0.582871,
  ],
  bias: 4.60122,
};
