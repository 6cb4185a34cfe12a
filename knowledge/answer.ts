import type { KnowledgeBase } from './kb.js';
import type { Lang } from './search/normalise.js';
import type { SearchOutcome } from './search/search-engine.js';
import { firstPersonVoice } from './understand/lexicon.js';

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
  const signals = signalsOf(kb, text, opts);
  const outcome = answerFor(kb, text, opts, signals);
  const audiences = new Set(outcome.hits.slice(0, 2).map((h) => h.article.audience));
  const tie =
    outcome.status === 'ambiguous' &&
    !opts.audience &&
    audiences.has('citizen') &&
    audiences.has('employer') &&
    signals.voice === null;
  return { ...outcome, audienceTie: tie };
}

/** What a question says besides its words, as the search takes it; and whether it is about another matter. */
interface Signals {
  kinds: string[];
  stated: string[];
  voice: 'citizen' | 'employer' | null;
  aboutScheme: boolean;
  role: string | undefined;
  /**
   * A complaint about another benefit ("afslag på sygedagpenge"), or a question about another scheme itself ("hvad er
   * et jobafklaringsforløb?"), that does not name ours: declined.
   */
  anotherMatter: boolean;
}

function signalsOf(kb: KnowledgeBase, text: string, opts: AskOptions): Signals {
  // The conversation passes its reading; the evaluation and the API let the lexicon read the question here.
  const read = kb.lexicon.read(text);
  // The facts a question states ("situation.fleksjob") point to the articles about that situation.
  const stated = Object.entries(read.facts)
    .filter(([f]) => f !== 'role')
    .map(([f, v]) => `${f}.${String(v!.value)}`);
  const anotherMatter =
    (read.kinds.includes('complainOther') || read.kinds.includes('otherSchemeAsked')) && !kb.search.namesOurTopic(text);
  const kinds = (opts.kinds ?? read.kinds).filter((k) => !(anotherMatter && k === 'complain'));
  const role = read.facts.role?.value as string | undefined;
  // On a path the audience is known; the voice matters only where it is not.
  const voice = opts.audience
    ? null
    : (opts.voice ?? (role === 'citizen' || role === 'employer' ? role : firstPersonVoice(text)));
  return { kinds, stated, voice, aboutScheme: read.describesMentor, role, anotherMatter };
}

function answerFor(kb: KnowledgeBase, text: string, opts: AskOptions, signals: Signals): SearchOutcome {
  const { kinds, stated, voice, aboutScheme, role, anotherMatter } = signals;
  // Another matter is declined; the topic we do not cover that it is about says where to ask.
  if (anotherMatter) {
    const other = kb.search.search(text, { ...opts, kinds, stated, voice, aboutScheme, outsideOnly: true });
    return { status: 'none', confident: false, hits: [], redirect: other.redirect };
  }
  const result = kb.search.search(text, { ...opts, kinds, stated, voice, aboutScheme });
  // Widen only when the words do not speak as the path's own audience ("kan vi få dækket" on the employer path).
  if (result.status === 'answer' || !opts.audience || role === opts.audience) return result;
  // On a path, a question about the other audience's matters ("hvor længe kan min nye medarbejder have en mentor?")
  // is answered from all articles, the path's audience only favoured, when that gives a clear answer (or offered
  // from them, when the path's own articles give nothing).
  const { audience, ...rest } = opts;
  const wider = kb.search.search(text, { ...rest, kinds, stated, voice: audience, aboutScheme });
  // An answer from all articles; or, for a question of a kind we answer, an offer of them where the path's own
  // articles have nothing.
  const offer = result.status === 'none' && wider.status === 'ambiguous' && kinds.length > 0;
  return wider.status === 'answer' || offer ? wider : result;
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
  /**
   * The conversation is already about mentor support (a path chosen, or articles just offered): "hvor lang tid kan
   * man få det" asks about it, whatever questions like it ask elsewhere.
   */
  followUp?: boolean;
}

/** The search's ranking for a question with the signals askQuestion would give it (for calibration tools). */
export function diagnoseQuestion(kb: KnowledgeBase, text: string, opts: AskOptions) {
  const { kinds, stated, voice, aboutScheme } = signalsOf(kb, text, opts);
  return kb.search.diagnose(text, { ...opts, kinds, stated, voice, aboutScheme });
}
