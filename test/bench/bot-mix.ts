/**
 * The conversations the bot benchmark plays against our bot: a realistic mix of what citizens and employers do.
 * Edit this when the dialogs change. Each conversation is a list of turns; the first turn is always WELCOME (the
 * conversationUpdate that opens a conversation), the others are what the user types or clicks. Every conversation
 * gets a fresh conversation id, so state starts empty each time.
 */
export const WELCOME = Symbol('welcome');
export type Turn = typeof WELCOME | string;
export type Conversation = readonly [typeof WELCOME, ...string[]];

export const BOT_MIX: readonly Conversation[] = [
  // A: a citizen who is out of work checks whether they can get a mentor, then asks how long.
  [
    WELCOME,
    'Jeg er borger',
    'Jeg er ledig',
    'kontanthjælp',
    '24 år',
    'nej',
    'hvor længe kan jeg have en mentor?',
    '2 måneder',
  ],
  // B: an employer who wants one of their own employees as mentor.
  [WELCOME, 'Jeg er arbejdsgiver', 'ja', 'egen medarbejder', 'nej'],
  // C: free questions.
  [WELCOME, 'Stil et spørgsmål', 'kan min arbejdsgiver få løn til en mentor', 'hvad er frikøb?'],
];

/** What the baseline bot plays: the welcome and its three-step waterfall (any text answers). */
export const BASELINE_MIX: readonly Conversation[] = [[WELCOME, 'hej', 'Aarhus', '3 år']];
