import type { KnowledgeBase } from './kb.js';
import type { Lang } from './search/normalise.js';
import type { SearchOutcome } from './search/search-engine.js';
import type { QuestionKind } from './understand/lexicon.js';

/**
 * How the bot meets a free-text question: the one function the conversation and the evaluation both call, so the
 * figures measure what people get.
 */
export function askQuestion(kb: KnowledgeBase, text: string, opts: AskOptions): SearchOutcome {
  const { kinds: _kinds, voice: _voice, ...search } = opts;
  return kb.search.search(text, search);
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
