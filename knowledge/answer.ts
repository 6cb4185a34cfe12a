import type { KnowledgeBase } from './kb.js';
import type { Lang } from './search/normalise.js';
import type { SearchOutcome } from './search/search-engine.js';

/**
 * How the bot meets a free-text question: the one function the conversation and the evaluation both call, so the
 * figures measure what people get.
 */
/** What the bot does with a question: the search's outcome, and whether it must first ask who is asking. */
export type Asked = SearchOutcome & {
  /**
   * The best alternatives are one for citizens and one for employers, and nothing says who asks: ask "Spørger du som
   * borger eller som arbejdsgiver?" rather than guess.
   */
  audienceTie: boolean;
};

export function askQuestion(kb: KnowledgeBase, text: string, opts: AskOptions): Asked {
  const outcome = answerFor(kb, text, opts);
  const audiences = new Set(outcome.hits.slice(0, 2).map((h) => h.article.audience));
  const tie =
    outcome.status === 'ambiguous' &&
    !opts.audience &&
    audiences.has('citizen') &&
    audiences.has('employer') &&
    voiceOf(kb, text, opts) === null;
  return { ...outcome, audienceTie: tie };
}

function voiceOf(kb: KnowledgeBase, text: string, opts: AskOptions): 'citizen' | 'employer' | null {
  const role = kb.lexicon.read(text).facts.role?.value;
  return opts.voice ?? (role === 'citizen' || role === 'employer' ? role : firstPerson(text));
}

function answerFor(kb: KnowledgeBase, text: string, opts: AskOptions): SearchOutcome {
  // The conversation passes its reading; the evaluation and the API let the lexicon read the question here.
  const read = kb.lexicon.read(text);
  // The facts a question states ("situation.fleksjob") point to the articles about that situation.
  const stated = Object.entries(read.facts)
    .filter(([f]) => f !== 'role')
    .map(([f, v]) => `${f}.${String(v!.value)}`);
  // A complaint about another benefit ("afslag på sygedagpenge") is not a complaint about a mentor, unless it says so.
  // So is a question about another scheme itself ("hvad er et jobafklaringsforløb?").
  const otherComplaint =
    (read.kinds.includes('complainOther') || read.kinds.includes('otherSchemeAsked')) && !/mentor/i.test(text);
  const kinds = (opts.kinds ?? read.kinds).filter((k) => !(otherComplaint && k === 'complain'));
  const role = read.facts.role?.value;
  // On a path the audience is known; the voice matters only where it is not.
  const voice = opts.audience
    ? null
    : (opts.voice ?? (role === 'citizen' || role === 'employer' ? role : firstPerson(text)));
  const aboutScheme = read.describesMentor;
  const result = kb.search.search(text, { ...opts, kinds, stated, voice, aboutScheme });
  if (otherComplaint) return { status: 'none', confident: false, hits: [], redirect: result.redirect };
  // Widen only when the words do not speak as the path's own audience ("kan vi få dækket" on the employer path).
  if (result.status === 'answer' || !opts.audience || role === opts.audience) return result;
  // On a path, a question about the other audience's matters ("hvor længe kan min nye medarbejder have en mentor?")
  // is answered from all articles, the path's audience only favoured, when that gives a clear answer.
  const { audience, ...rest } = opts;
  const wider = kb.search.search(text, { ...rest, kinds, stated, voice: audience, aboutScheme });
  return wider.status === 'answer' ? wider : result;
}

export interface AskOptions {
  date: string;
  lang?: Lang;
  /** The path the person is on: only that audience's articles (and those for both) are answers. */
  audience?: 'citizen' | 'employer';
  /** What kinds of question the words ask (the lexicon's question kinds, and "fact.value" for facts stated). */
  kinds?: string[];
  /** Who the words sound like: an employer ("vores medarbejder") or a citizen ("min sagsbehandler"). */
  voice?: 'citizen' | 'employer' | null;
}

/**
 * Who a question sounds like when the lexicon names no role: the first person singular ("hvordan søger jeg", "my
 * caseworker") a citizen; the first person plural only ("hvad er vores egenbetaling", "can we") an employer.
 */
function firstPerson(text: string): 'citizen' | 'employer' | null {
  const singular =
    /(?<![\p{L}])(?:jeg|mig|min|mit|mine|me|my|im)(?![\p{L}])|(?<![\p{L}])i (?:am|have|get|need|want|can|do|was|will|work)(?![\p{L}])/iu;
  if (singular.test(text)) return 'citizen';
  return /(?<![\p{L}])(?:vi|vores|vor|os|we|our|us)(?![\p{L}])/iu.test(text) ? 'employer' : null;
}

/** The search's ranking for a question with the signals askQuestion would give it (for calibration tools). */
export function diagnoseQuestion(kb: KnowledgeBase, text: string, opts: AskOptions) {
  const read = kb.lexicon.read(text);
  const stated = Object.entries(read.facts)
    .filter(([f]) => f !== 'role')
    .map(([f, v]) => `${f}.${String(v!.value)}`);
  const role = read.facts.role?.value;
  const voice = opts.audience
    ? null
    : (opts.voice ?? (role === 'citizen' || role === 'employer' ? role : firstPerson(text)));
  return kb.search.diagnose(text, { ...opts, kinds: opts.kinds ?? read.kinds, stated, voice });
}
