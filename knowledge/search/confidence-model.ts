// Written by test/eval/fit-confidence.ts from 1752 confident answers of the development sets: do not edit.
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
    0.201276, 0.751114, 0.613641, 0.58299, 0.235142, 0.828767, 1.77189, 1.95334, 0.744863, 0.0576484, -0.223256,
    0.209936, 0.347848, 0.953196, 0.608564, 0.625571, 0.0216895, 0.121575, 0.618821, 0.578473,
  ],
  sd: [
    0.224707, 0.238001, 0.229176, 0.192691, 0.219164, 0.376712, 0.483876, 0.427963, 0.435938, 0.233077, 0.254777,
    0.22467, 0.173518, 0.211218, 0.382984, 0.483975, 0.145668, 0.326795, 0.34963, 0.391169,
  ],
  weights: [
    -0.788729, -0.0694878, 0.307513, 0.337948, 0.258588, 0.141105, 0.333966, 0.180993, 0.175707, 0.296298, -0.222395,
    -0.218615, 0.0486777, 0.100798, 0.000074452, 0.31161, -0.125234, 0.366093, 0.269049, 0.550602,
  ],
  bias: 4.64664,
};
