/**
 * What people type in a chat, read into values the dialogs can use: numbers, ages, durations, yes/no, dates,
 * "don't know" and a choice among options. Danish first, English second. Every parser returns null (or a stated
 * problem) rather than guess, so the dialog can ask again.
 */
export { parseNumber } from './numbers.js';
export { type AgeAnswer, MAX_AGE, parseAge } from './age.js';
export { parseMonths } from './duration.js';
export { type CostMention, MONTHLY_HOURS, isCostQuestion, parseCostMention, withFigures } from './money.js';
export { isDecline, isDontKnow } from './dont-know.js';
export { parseYesNo } from './yes-no.js';
export { parseDate, pastDateMentioned } from './dates.js';
export { type ChoiceMatch, type ChoiceOption, matchChoice } from './choice.js';
export { parsePhone } from './phone.js';
