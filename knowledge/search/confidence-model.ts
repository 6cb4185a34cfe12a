// Written by test/eval/fit-confidence.ts from 1411 confident answers of the development sets: do not edit.
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
    0.304976, 0.759372, 0.617983, 0.584482, 0.235703, 0.831325, 1.79629, 1.95957, 0.738483, 0.0694543, -0.227389,
    0.211866, 0.348779, 0.945429, 0.611987, 0.623671, 0.0269313, 0.120482,
  ],
  sd: [
    0.246974, 0.226734, 0.224652, 0.188644, 0.213636, 0.374464, 0.486096, 0.435492, 0.439461, 0.254225, 0.246205,
    0.218114, 0.17334, 0.227141, 0.380114, 0.484464, 0.161883, 0.325524,
  ],
  weights: [
    -0.827733, -0.190132, 0.292952, 0.642604, 0.442869, 0.235885, 0.740031, 0.100474, 0.527926, 0.0268266, -0.135976,
    -0.228815, 0.153519, 0.10099, -0.397859, 0.306174, -0.133549, 0.404277,
  ],
  bias: 4.1728,
};
