/**
 * Calibration of the search, set against the question sets eval-questions and eval-holdout in test/cases/
 * (npm run eval; see README "Figures"; eval-fresh was never used to set it).
 * Each word of a question weighs its rarity among our articles (idf); a word we have never seen weighs UNKNOWN_WEIGHT.
 * Articles are ranked by lunr's score times (0.5 + coverage) times (1 + PHRASE_BONUS x how closely one of the article's
 * own question phrasings matches), so an article that covers more of the question, and that was written for a question
 * like it, wins.
 * A question with a domain word ("mentor", "frikøb") is answered when the best article also matches one of its other
 * words and covers MIN_COVERAGE_ON_TOPIC of its weight. A question without one needs MIN_STRENGTH of matched weight,
 * MIN_COVERAGE, and no out-of-scope topic scoring OUTSIDE_RATIO of the best; if it is short (SHORT_QUESTION_WORDS
 * content words or fewer) and has a word no article knows, MIN_COVERAGE_WITH_UNKNOWN.
 * Each score is also multiplied by (1 + GRAM_BONUS x the cosine of the article's closest phrasing in letter n-grams).
 * The question is ambiguous when the runner-up scores at least AMBIGUOUS_RATIO of the best
 * (AMBIGUOUS_RATIO_FEW_WORDS for a question of FEW_WORDS content words or fewer), and when the confidence model
 * (confidence.ts, fitted on the development sets by test/eval/fit-confidence.js) gives the answer less than
 * CONFIDENT_MIN_PROBABILITY of being right. The model was fitted with these values; refit it after changing them.
 */
export const CALIBRATION = {
  MIN_STRENGTH: 1.5,
  OUTSIDE_RATIO: 0.35,
  MIN_COVERAGE: 0.5,
  MIN_COVERAGE_ON_TOPIC: 0.15,
  MIN_COVERAGE_WITH_UNKNOWN: 0.7,
  SHORT_QUESTION_WORDS: 4,
  UNKNOWN_WEIGHT: 1.2,
  NUMBER_WEIGHT: 0.3,
  MAX_WEIGHT: 2.0,
  AMBIGUOUS_RATIO: 0.95,
  /** ... and at AMBIGUOUS_RATIO_FEW_WORDS of the best when the question has FEW_WORDS content words or fewer. */
  AMBIGUOUS_RATIO_FEW_WORDS: 0.8,
  FEW_WORDS: 2,
  /**
   * On a path (the person is a citizen or an employer in our conversation), an out-of-scope topic declines a question
   * only when it covers at least the best article's coverage less this margin, and the best article does not match one
   * of its own phrasings this closely.
   */
  OUTSIDE_COVERAGE_MARGIN_ON_PATH: 0.3,
  OUTSIDE_MAX_PHRASE_ON_PATH: 0.9,
  /** The weight of a question's kind words when the question says less than MIN_STRENGTH besides them. */
  KIND_TERM_WEIGHT: 2.5,
  /** Coverage counts as (0.5 + coverage) to this power in the score. */
  COVERAGE_POWER: 1,
  /**
   * A rival that scores at least RIVAL_RATIO of the best and covers RIVAL_COVERAGE_GAP more of the question makes the
   * question ambiguous: the best scored on fewer, rarer words.
   */
  RIVAL_RATIO: 0.5,
  RIVAL_COVERAGE_GAP: 0.15,
  /** ... unless the best matches one of its own question phrasings this closely (0-1). */
  RIVAL_MAX_PHRASE: 0.6,
  /**
   * A question of one word outside our topic and of no kind gets its best article offered, not answered, unless the
   * article matches one of its own phrasings this closely (0-1).
   */
  SINGLE_WORD_MAX_PHRASE: 0.6,
  /**
   * A confident answer is given only when the confidence model (confidence.ts, fitted on the development sets) gives
   * it at least this probability of being right; below it the best few are offered.
   */
  CONFIDENT_MIN_PROBABILITY: 0.75,
  /** How much the best-matching question phrasing of an article adds to its score. */
  PHRASE_BONUS: 6,
  /**
   * How much the closeness of an article's closest phrasing in letter n-grams adds (times that cosine, 0..1): a second
   * view of the question, less tied to our stems (letter-grams.ts).
   */
  GRAM_BONUS: 2,
  /**
   * How much the phrasing classifier's probability for an article adds (times that probability, 0..1): a third view,
   * which learns from the articles' own phrasings and the example questions which words tell neighbouring articles
   * apart (classifier.ts). Chosen with each development set judged by a classifier trained without it.
   */
  CLASS_BONUS: 4,
  /**
   * A question that does not name our topic is declined when the classifier gives the class of questions no article
   * answers at least this probability.
   */
  OUT_OF_SCOPE_MIN: 0.5,
  MAX_ALTERNATIVES: 3,
  /** How much an article that answers the kind of question asked gains, and one that answers only other kinds loses. */
  KIND_BONUS: 0.5,
  KIND_PENALTY: 0.4,
  /** How much the article about a situation the question states gains, when it asks who can get a mentor. */
  STATED_BONUS: 0.5,
  /**
   * A letter (LETTER_TOKENS content words or more) that asks what its best article answers needs this much matched
   * weight.
   */
  LETTER_TOKENS: 15,
  LETTER_MIN_STRENGTH: 8,
  /** How much an article for the other audience loses when the question sounds like a citizen's or an employer's. */
  VOICE_PENALTY: 0.5,
  /**
   * How much a matched expanded term counts against an exact one, in the score and in coverage. Longer words begin at
   * PREFIX_MIN_LENGTH letters; typos are looked for only in words of FUZZY_MIN_LENGTH letters the index does not have.
   */
  BOOST: { exact: 1, synonym: 0.6, compoundPart: 0.5, prefix: 0.5, fuzzy: 0.35 },
  PREFIX_MIN_LENGTH: 4,
  FUZZY_MIN_LENGTH: 5,
  MAX_PREFIX_EXPANSIONS: 3,
  MAX_SYNONYMS: 3,
  MAX_FUZZY_EXPANSIONS: 6,
};
export type Calibration = typeof CALIBRATION;
