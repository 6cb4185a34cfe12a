/**
 * The conversations the bot benchmark plays, the same for every bot it measures: a realistic mix of what citizens and
 * employers do, and one long conversation of 40 turns. Edit this when the dialogs change. Each conversation is a list
 * of turns; the first turn is always WELCOME (the conversationUpdate that opens a conversation), the others are what
 * the user types or clicks. Every conversation gets a fresh conversation id, so state starts empty each time. The bare
 * bots answer any text, so they can play the same mix.
 */
export const WELCOME = Symbol('welcome');
export type Turn = typeof WELCOME | string;
export type Conversation = readonly [typeof WELCOME, ...string[]];

/** Questions a person asks one after another; each is answered by an article. */
const QUESTIONS = [
  'hvad er frikøb?',
  'hvor længe kan jeg have en mentor?',
  'kan min arbejdsgiver få løn til en mentor',
  'hvad er en mentor',
  'hvem betaler for mentoren?',
  'hvor mange timer kan en mentor hjælpe mig?',
];

/** Turns (counted from 1, the welcome being turn 1) whose cost is compared: the same question early and late. */
export const EARLY_TURN = 3;
export const LATE_TURN = 40;

/**
 * A person with many questions: the welcome, "Stil et spørgsmål", then 38 questions; turn 40 asks turn 3's question
 * again, so the two turns do the same work and differ only in how much conversation came before.
 */
export const LONG_CONVERSATION: Conversation = [
  WELCOME,
  'Stil et spørgsmål',
  ...Array.from({ length: LATE_TURN - 3 }, (_, i) => QUESTIONS[i % QUESTIONS.length]!),
  QUESTIONS[0]!,
];

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
  // D: the long conversation.
  LONG_CONVERSATION,
];
