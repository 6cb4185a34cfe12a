import type { IsoDate } from '../knowledge/dates.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import type { Lang } from '../knowledge/search/normalise.js';
import type { Replies } from './replies.js';
import type { StatePropertyAccessor } from './sdk.js';
import type { ChatData, Profile } from './state.js';

/** How a person reaches a caseworker when the bot cannot help (from configuration). */
export interface ContactInfo {
  municipality: string;
  phone: string | null;
  url: string | null;
}

/** What every dialog needs. Given once, at construction; `today` is a function so tests can fix the date. */
export interface DialogDeps {
  kb: KnowledgeBase;
  replies: Replies;
  profile: StatePropertyAccessor<Profile>;
  chat: StatePropertyAccessor<ChatData>;
  today: () => IsoDate;
  contact: ContactInfo;
}

/** Throws an error naming the first missing dependency, so a wiring mistake fails at start-up, not mid-conversation. */
export function checkDeps(owner: string, deps: DialogDeps): DialogDeps {
  for (const name of ['kb', 'replies', 'profile', 'chat', 'today', 'contact'] as const) {
    if (!deps || deps[name] === undefined || deps[name] === null) throw new Error(`${owner} needs "${name}"`);
  }
  return deps;
}

/** The values most templates use: who decides ("kommunen") on the given date. */
export function common(deps: DialogDeps, lang: Lang): { authority: string; Authority: string } {
  const authority = deps.kb.registry.authorityName(deps.today(), lang);
  return { authority, Authority: authority.charAt(0).toUpperCase() + authority.slice(1) };
}
