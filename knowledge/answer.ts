import type { KnowledgeBase } from './kb.js';
import type { Lang } from './search/normalise.js';
import type { SearchOutcome } from './search/search-engine.js';

/**
 * How the bot meets a free-text question: the one function the conversation and the evaluation both call, so the
 * figures measure what people get.
 */
export function askQuestion(kb: KnowledgeBase, text: string, opts: { date: string; lang?: Lang; audience?: 'citizen' | 'employer' }): SearchOutcome {
  return kb.search.search(text, opts);
}
