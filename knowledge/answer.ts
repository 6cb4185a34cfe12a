import type { KnowledgeBase } from './kb.js';
import type { Lang } from './search/normalise.js';
import type { SearchOutcome } from './search/search-engine.js';
import type { QuestionKind } from './understand/lexicon.js';

/**
 * How the bot meets a free-text question: the one function the conversation and the evaluation both call, so the
 * figures measure what people get.
 */
export function askQuestion(kb: KnowledgeBase, text: string, opts: AskOptions): SearchOutcome {
  // The conversation passes its reading; the evaluation and the API let the lexicon read the question here.
  const read = opts.kinds === undefined ? kb.lexicon.read(text) : null;
  const kinds = opts.kinds ?? read?.kinds ?? [];
  const role = read?.facts.role?.value;
  const voice = opts.voice !== undefined ? opts.voice : role === 'citizen' || role === 'employer' ? role : firstPerson(text);
  return kb.search.search(text, { ...opts, kinds, voice });
}

export interface AskOptions {
  date: string;
  lang?: Lang;
  /** The path the person is on: only that audience's articles (and those for both) are answers. */
  audience?: 'citizen' | 'employer';
  /** What kinds of question the words ask (the lexicon's question kinds). */
  kinds?: QuestionKind[];
  /** Who the words sound like: an employer ("vores medarbejder") or a citizen ("min sagsbehandler"). */
  voice?: 'citizen' | 'employer' | null;
}

/** A question in the first person singular ("hvordan søger jeg", "my caseworker") sounds like a citizen's. */
function firstPerson(text: string): 'citizen' | null {
  return /(?<![\p{L}])(?:jeg|mig|min|mit|mine|i|me|my|im)(?![\p{L}])/iu.test(text) ? 'citizen' : null;
}
