// Written by test/eval/fit-confidence.ts from 1755 confident answers of the development sets: do not edit.
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
    0.157082, 0.747259, 0.610161, 0.582137, 0.235529, 0.823932, 1.76504, 1.95285, 0.74359, 0.0558405, -0.219172,
    0.205698, 0.346608, 0.954986, 0.607687, 0.626781, 0.0193732, 0.124217, 0.75302, 0.72445,
  ],
  sd: [
    0.201271, 0.2418, 0.231168, 0.193361, 0.220443, 0.380878, 0.490194, 0.428253, 0.436651, 0.229613, 0.259235,
    0.228008, 0.173715, 0.207335, 0.383038, 0.48366, 0.137833, 0.329828, 0.32623, 0.364056,
  ],
  weights: [
    -0.527644, -0.284923, 0.530087, 0.361006, 0.296094, 0.302249, 0.324342, 0.334437, 0.41687, 0.456071, -0.108631,
    -0.164099, 0.0260932, -0.000847707, -0.16663, 0.209317, -0.107871, 0.525782, 0.760995, 0.41964,
  ],
  bias: 5.36641,
};
