import { fold } from '../knowledge/search/normalise.js';

/**
 * What a whole message can mean wherever the conversation is: the words that work at any point ("hjælp",
 * "start forfra", "stop", "english"/"dansk"), the main paths, and a greeting.
 */
export type Command =
  | 'help'
  | 'restart'
  | 'menu'
  | 'stop'
  | 'lang-da'
  | 'lang-en'
  | 'human'
  | 'citizen'
  | 'employer'
  | 'question'
  | 'estimate'
  | 'deleteData'
  | 'greeting'
  | 'thanks'
  | 'frustrated'
  | 'crisis';

/**
 * Phrases per command, Danish and English alike (a person may switch language mid-sentence). Button labels from
 * dialogs/templates are among them; a test checks that every label maps to its command.
 */
const PHRASES: Record<Command, string[]> = {
  help: [
    'hjælp',
    'hjælp mig',
    'hvad kan du',
    'hvad kan du hjælpe med',
    'help',
    'help me',
    'what can you do',
    // Lost for what to do next: the ways on, then the question that waits.
    'hvad så nu',
    'hvad nu',
    'og nu',
    'hvad så',
    'what now',
    'what next',
    'now what',
  ],
  restart: [
    'start forfra',
    'forfra',
    'begynd forfra',
    'start igen',
    'start om',
    'restart',
    'start over',
    'start again',
    'reset',
  ],
  menu: ['menu', 'hovedmenu', 'tilbage til menuen', 'main menu', 'back to the menu'],
  stop: ['stop', 'afslut', 'slut', 'farvel', 'annuller', 'cancel', 'quit', 'exit', 'bye', 'goodbye'],
  'lang-da': ['dansk', 'på dansk', 'danish', 'in danish', 'skriv dansk', 'skift til dansk'],
  'lang-en': ['english', 'in english', 'engelsk', 'på engelsk', 'skriv engelsk', 'skift til engelsk', 'speak english'],
  human: [
    'tal med en medarbejder',
    'medarbejder',
    'en medarbejder',
    'tal med et menneske',
    'et menneske',
    'menneske',
    'tal med en person',
    'sagsbehandler',
    'min sagsbehandler',
    'tal med min sagsbehandler',
    'jeg vil tale med en person',
    'jeg vil tale med et menneske',
    'jeg vil tale med en medarbejder',
    'talk to a caseworker',
    'caseworker',
    'talk to a person',
    'talk to a human',
    'human',
    'a human',
    'real person',
  ],
  citizen: ['jeg er borger', 'borger', 'i am a citizen', 'citizen', 'im a citizen'],
  employer: [
    'jeg er arbejdsgiver',
    'arbejdsgiver',
    'vi er en virksomhed',
    'i am an employer',
    'employer',
    'im an employer',
  ],
  estimate: [
    'ja, lav et overslag',
    'lav et overslag',
    'lav et overslag til os',
    'et overslag',
    'overslag',
    'yes, make an estimate',
    'make an estimate',
    'an estimate',
  ],
  question: ['stil et spørgsmål', 'jeg vil stille et spørgsmål', 'spørgsmål', 'ask a question', 'i have a question'],
  deleteData: ['slet mine data', 'slet mine oplysninger', 'slet alt om mig', 'glem mig', 'delete my data', 'forget me'],
  greeting: [
    'hej',
    'hejsa',
    'hey',
    'hi',
    'hello',
    'goddag',
    'godmorgen',
    'god morgen',
    'halløj',
    'dav',
    'good morning',
  ],
  thanks: [
    'tak',
    'mange tak',
    'tusind tak',
    'tak for hjælpen',
    'tak for det',
    'tak for svaret',
    'tak skal du have',
    'ok tak',
    'okay tak',
    'fint tak',
    'super tak',
    'thanks',
    'thank you',
    'thank you very much',
    'thanks a lot',
    'ok thanks',
  ],
  crisis: ['selvmord', 'selvmordstanker', 'suicide', 'suicidal'],
  frustrated: [
    'ubrugelig',
    'du er ubrugelig',
    'du forstår ingenting',
    'du forstår ikke hvad jeg skriver',
    'useless',
    'you are useless',
    'you dont understand',
  ],
};

/** Lower case, æøå folded, punctuation and emoji dropped, spaces collapsed: "Start forfra!" -> "start forfra". */
export function commandKey(text: string): string {
  const words =
    text
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.map(fold).join(' ');
}

const BY_KEY = new Map<string, Command>();
for (const [command, phrases] of Object.entries(PHRASES) as [Command, string[]][]) {
  for (const p of phrases) BY_KEY.set(commandKey(p), command);
}

/**
 * Requests said in a sentence of one's own, matched on the folded words (commandKey): asking for a person ("kan jeg
 * snakke med et menneske", "jeg vil have fat i min sagsbehandler", "I want to talk to a person") and for a language
 * ("English please", "på dansk tak"). A message that asks whether one should do it ("skal jeg tale med ...") is a
 * question, not a request.
 */
const SENTENCES: [Command, RegExp][] = [
  [
    'human',
    /\b(?:tale|snakke|chatte|skrive|tal|snak|snakker|taler) (?:med|til) (?:en |et |min |mine |jeres |nogen |et rigtigt |en rigtig |en levende |et levende |rigtige )?(?:medarbejder|medarbejdere|menneske|mennesker|person|personer|sagsbehandler|sagsbehandleren|radgiver|vejleder|nogen|jer|kommunen)\b/,
  ],
  [
    'human',
    /\b(?:have|fa|komme i) (?:fat|kontakt) (?:i|pa|med) (?:en |min |et |jeres )?(?:rigtig |rigtigt |levende )?(?:sagsbehandler|medarbejder|person|nogen|menneske|radgiver|kommunen)\b/,
  ],
  [
    'human',
    /\b(?:talk|speak|chat) (?:to|with) (?:a |an |some |my |real |the |actual )*(?:person|human|caseworker|someone|agent|somebody|people|case worker|staff|employee)\b/,
  ],
  ['human', /\b(?:human|real person|agent|caseworker|a person) please\b/],
  // "et rigtigt menneske i røret", "et telefonnummer til en sagsbehandler", "a phone number for a caseworker", "kan du
  // ikke bare give mig et telefonnummer": a number to call is a way to a person.
  ['human', /\b(?:menneske|person|medarbejder|sagsbehandler|nogen) i (?:roret|telefonen)\b/],
  [
    'human',
    /\b(?:telefonnummer|telefonnummeret|nummer|nummeret|tlf|phone number|number) (?:til|pa|på|for|of|to) (?:en |et |min |jeres |a |my |the |your )?(?:sagsbehandler|sagsbehandleren|medarbejder|kommunen|jer|radgiver|caseworker|case worker|municipality|you|someone|a person|person)\b|\b(?:giv|give|fa|faa|have|ha|hvad er) (?:mig )?(?:et |jeres |kommunens |the |a |your )?(?:telefonnummer|telefonnummeret|tlf nummer|nummer|nummeret|phone number)\b/,
  ],
  ['human', /^(?:en |et )?(?:medarbejder|menneske|person|sagsbehandler|radgiver) (?:tak|please|plz|nu)$/],
  // "giv mig et menneske", "jeg vil have et rigtigt menneske", "ikke en robot": a person asked for in other words.
  [
    'human',
    /\b(?:giv|giver|skaf|find) (?:mig )?(?:et|en) (?:rigtigt |rigtig |levende )?(?:menneske|person|medarbejder|sagsbehandler)\b|\b(?:vil|ville) (?:gerne |hellere )?(?:have|ha) (?:et|en) (?:rigtigt |rigtig |levende )(?:menneske|person)\b|\b(?:gider|vil) ikke (?:snakke|tale|skrive|chatte) med (?:en |dig |sadan en )?(?:robot|bot|chatbot|maskine|computer)\b|\b(?:give me|get me|i want) (?:a |an )?(?:real |actual )?(?:human|person)\b/,
  ],
  // Asking to be called: the way to a person offers the call-back.
  [
    'human',
    /^(?:kan|vil|ma) (?:i|du|kommunen|nogen|en medarbejder|i ikke|du ikke) (?:ringe|kontakte) (?:mig|til mig)(?: op| tilbage)?(?: tak)?$/,
  ],
  ['human', /^(?:can|could|will) (?:you|someone|somebody) (?:call|phone|ring) me(?: back)?(?: please)?$/],
  // "ring til mig (på 12 34 56 78)", "ring mig op tak": the number itself is left out before the message is read.
  ['human', /^(?:vil du |vil i |du ma gerne |i ma gerne )?ring (?:til mig|mig op)(?: (?:pa|tak|nu|gerne|i dag))*$/],
  ['human', /^(?:please )?(?:call|phone|ring) me(?: back)?(?: (?:on|at|please|today))*$/],
  [
    'human',
    /\bi (?:want|need|would like) (?:a |to talk to a |to speak to a |to speak with a )?(?:human|person|caseworker)\b/,
  ],
  [
    'lang-en',
    /\b(?:english|engelsk) (?:please|plz|pls|tak)\b|\b(?:in|pa) (?:english|engelsk)\b|\b(?:speak|write|talk|answer|reply) (?:in )?english\b|\bi (?:dont|do not|cant|cannot) (?:speak|read|understand) danish\b|\bno danish\b/,
  ],
  [
    'thanks',
    /^(?:ok |okay |super |fint |godt |perfekt |great |nice )?(?:mange |tusind |1000 )?(?:tak|thanks|thank you)(?: (?:for (?:hjalpen|det|svaret|svarene|nu|i dag|the help|your help|that)|skal du have|very much|so much|a lot))*$/,
  ],
  [
    'frustrated',
    /^(?:du er|du er jo|du er sgu|det er|det her er|sikke en|sikke noget|hvor er du|you are|youre|this is|what a)\b.{0,30}\b(?:ubrugelig\w*|elendig\w*|latterlig\w*|dum|dumme|idiot\w*|lort\w*|useless|stupid|rubbish|garbage|terrible|awful|pointless)$/,
  ],
  ['lang-da', /\bpa dansk\b|\bdansk (?:tak|please)\b|\b(?:skriv|tal|svar|skrive) (?:pa )?dansk\b|\bin danish\b/],
];
const NOT_A_REQUEST = /^(?:skal|should|hvornar|when|hvorfor|why|hvordan|how)\b/;

/**
 * Words of someone in crisis (thoughts of suicide, of not wanting to live, of harming oneself, and the indirect ones:
 * "alle ville klare sig bedre uden mig", "jeg vil ikke vågne op igen"), matched on the folded words anywhere in a
 * message of any length and before anything else: such a message gets the crisis lines at once,
 * never "det kan jeg ikke svare på".
 */
const CRISIS =
  /\b(?:selvmord\w*|suicid\w*|(?:tage|tager|taget|tog) (?:mit|sit|mig|dit) (?:eget )?liv|(?:slaa|sla|slar|slaar) mig selv ihjel|(?:gore|gor|goere) (?:en )?ende pa (?:det hele|mit liv|livet|det)|(?:vil|ville|gider|orker) ikke (?:mere )?leve(?! af| for| pa| med| sammen| i| uden)|kan ikke leve (?:mere|laengere|langere)|(?:ikke|ingen) lyst til at leve|jeg (?:vil|ville|skal) (?:bare )?(?:do|doe)|skade mig selv|(?:kill|killing|hurt|hurting|harm|harming) myself|end (?:my life|it all)|(?:dont|don t|do not|no longer) want to (?:live|be alive|be here)|want to die|self harm|bedre uden mig|better off without me|(?:livet|mit liv) er (?:ligegyldigt|meningslost|meningsloest|uden mening)|(?:ikke|aldrig) (?:at )?(?:vaere|vare) her (?:mere|laengere|langere)|(?:ikke|aldrig) (?:at )?(?:vagne|vaagne)r? op (?:igen|mere)|no (?:reason|point) (?:to|in) (?:live|living|going on)|not (?:to )?wake up (?:again|anymore))\b/;

/**
 * Words of someone who is having a hard time, without being in crisis ("jeg har det rigtig svært", "jeg er så ked af
 * det", "jeg kan ikke mere", "I'm struggling"), matched on the folded words (æ, ø, å and aa/oe/ae folded) of a
 * longer message: the bot says it heard that before it answers.
 */
const DISTRESS =
  /\b(?:(?:har|haft) det (?:\w+ )?(?:svart|darligt|skidt|hardt|elendigt)|(?:er|bliver|blevet|foler mig) (?:\w+ )?(?:ked af det|fortvivlet|desperat|modlos|handlingslammet|ensom|udbrandt|knust|helt nede)|(?:kan|magter|orker) (?:snart )?ikke (?:mere|mer|mere af det)|ved ikke (?:hvad|hvor) jeg skal (?:gore|ga) (?:af mig selv|ind)?|(?:alt|livet|hverdagen) (?:er|foles|virker) (?:\w+ )?(?:hablost|tungt|uoverskueligt)|(?:tudbrolede|grad|grader) (?:hele tiden|meget|hver dag)|(?:im|i am|ive been|i have been|feeling) (?:\w+ )?(?:struggling|desperate|hopeless|overwhelmed|so low|depressed|scared)|(?:cant|cannot|can t) (?:cope|take it|go on like this))\b/;

/** True when a longer message (a story, not a bare reply) tells of a hard time: see DISTRESS. */
export function tellsOfDistress(text: string): boolean {
  return text.length >= 80 && DISTRESS.test(commandKey(text.slice(0, 4000)));
}

/**
 * The command a message is, or null: the whole message as one of the phrases ("hjælp", "start forfra"), or a
 * sentence that asks for a person or a language. "hvad kan en mentor hjælpe med?" is a question, not "hjælp".
 */
export function recogniseCommand(text: string | undefined): Command | null {
  if (!text) return null;
  if (CRISIS.test(commandKey(text.slice(0, 4000)))) return 'crisis';
  if (text.length > 160) return null;
  const key = commandKey(text);
  const exact = text.length <= 80 ? BY_KEY.get(key) : undefined;
  if (exact) return exact;
  if (NOT_A_REQUEST.test(key)) return null;
  return SENTENCES.find(([, pattern]) => pattern.test(key))?.[0] ?? null;
}

/** A test whether a whole message, short as a bare reply is, is one of these phrases (compared as commands are). */
function bareReplyOneOf(phrases: readonly string[]): (text: string) => boolean {
  const keys = new Set(phrases.map((p) => commandKey(p)));
  return (text) => text.length <= 30 && keys.has(commandKey(text));
}

/** True when the whole message only acknowledges ("ok", "nej tak", "got it"): it read the reply and asks nothing. */
export const isAcknowledgement = bareReplyOneOf([
  'ok',
  'okay',
  'oki',
  'okay så',
  'ok så',
  'ja',
  'ja ok',
  'jo',
  'nej',
  'nej tak',
  'nope',
  'fint',
  'godt',
  'forstået',
  'nå',
  'nå okay',
  'nå ok',
  'aha',
  'okay forstået',
  'yes',
  'no',
  'no thanks',
  'fine',
  'got it',
  'alright',
  'cool',
  'i see',
]);

/** True when the whole message says no to the choices offered ("nej", "ingen af dem", "neither"). */
export const isNoneOfThem = bareReplyOneOf([
  'nej',
  'nej tak',
  'nope',
  'ingen',
  'ingen af dem',
  'ingen af delene',
  'no',
  'no thanks',
  'none',
  'neither',
]);

/** True when the text, as a whole, is the given label (a button a person pressed or typed again). */
export function sameLabel(text: string, label: string): boolean {
  return commandKey(text) === commandKey(label) && commandKey(label) !== '';
}
