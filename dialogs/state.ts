import type { CostMention } from './input/money.js';
import type { Role, Situation } from '../knowledge/rules/inputs.js';
import type { Lang } from '../knowledge/search/normalise.js';
import type { CountedQuestion } from './deps.js';
import type { StatePropertyAccessor, TurnContext } from './sdk.js';

/**
 * What the bot remembers about a person across conversations (user state). Never a name, CPR number or health detail.
 */
export interface Profile {
  lang: Lang;
  /** The person chose the language ("english", "dansk"): it is no longer switched by what they write. */
  chosen?: boolean;
}

/** A button the bot offered that opens a knowledge-base article when pressed (or typed again). */
export interface Offer {
  label: string;
  articleId: string;
  /** One of the alternatives of "Mente du ...?" (a "nej" then means none of them). */
  alternative?: true;
}

/** What the bot remembers about one conversation besides the dialog stack (conversation state). */
export interface ChatData {
  welcomed: boolean;
  /** The article buttons of the last reply that had them ("Mente du ...?", "Læs mere"). */
  offers: Offer[];
  /** What the person has answered in an intake so far, for a caseworker if they ask for one. */
  situation?: Situation;
  /** Free questions in a row the bot could not answer; at two it offers a caseworker. */
  misses?: number;
  /** Who the person is, once known (a path chosen, or their words): questions are answered for that audience. */
  role?: Role;
  /** A question waiting for "borger" or "arbejdsgiver": its answer depends on who asks. */
  askedAudienceFor?: string;
  /** This conversation's unanswered questions in the operators' counts (the latest 100), for "slet mine data". */
  counted?: CountedQuestion[];
  /**
   * The figures of the last estimate shown (an hourly amount, hours, weeks, additions): a follow-up that changes one
   * of them ("nej, en time om dagen", "regn det om med 5 timer om ugen") gets the estimate again with the rest kept.
   */
  lastCost?: CostMention;
  /** A story of a hard time was acknowledged ("Det lyder hårdt ..."): once is kind, every turn is a formula. */
  distressHeard?: boolean;
}

/** How many counted questions a conversation remembers; a conversation with more is a flood, not a person. */
export const MAX_COUNTED = 100;

export const newProfile = (): Profile => ({ lang: 'da' });
export const newChatData = (): ChatData => ({ welcomed: false, offers: [] });

/** The language the person speaks with the bot: their profile's, Danish for someone new. The one place it is read. */
export async function languageOf(profile: StatePropertyAccessor<Profile>, context: TurnContext): Promise<Lang> {
  return (await profile.get(context, newProfile())).lang;
}
