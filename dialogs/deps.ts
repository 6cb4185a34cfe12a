import type { IsoDate } from '../knowledge/dates.js';
import type { KnowledgeBase } from '../knowledge/kb.js';
import type { Lang } from '../knowledge/search/normalise.js';
import type { Replies } from './replies.js';
import type { StatePropertyAccessor, TurnContext } from './sdk.js';
import type { ChatData, Profile } from './state.js';

/** How a person reaches a caseworker when the bot cannot help (from configuration). */
export interface ContactInfo {
  municipality: string;
  phone: string | null;
  url: string | null;
  /** When the phone is answered, in words ("man-tor 9-15, fre 9-13"); null when not configured. */
  hours: { da: string; en: string } | null;
}

/** What a caseworker gets to see, in Danish: the citizen's answers and what the rule module found. */
export interface CaseSummary {
  situation: { label: string; value: string }[];
  outcomes: { text: string; citations: { label: string; url: string }[] }[];
}

/**
 * Handing a conversation to a caseworker (implemented in bot/handoff). Dialogs ask for consent and the question; the
 * port does the rest. Absent when no caseworkers' channel is configured: then the bot says how to reach a person.
 */
export interface HandoffPort {
  /**
   * Whether caseworkers are in now, their hours in words, when they are next in ("mandag den 30. november kl. 09.00";
   * null when not within two weeks), and how long a call-back number is kept.
   */
  availability(): {
    open: boolean;
    hours: { da: string; en: string };
    next: { da: string | null; en: string | null };
    callbackDays: number;
  };
  /**
   * Puts the conversation in the caseworkers' queue (or asks for a call-back). `delivered` is false when Teams could
   * not be reached yet.
   */
  request(
    context: TurnContext,
    input: { lang: Lang; question: string; summary: CaseSummary; callbackPhone: string | null },
  ): Promise<{ delivered: boolean }>;
}

/**
 * What the operators may count: no personal data, except an unanswered question's text, which is masked (CPR
 * numbers, e-mail addresses, phone numbers) and cut short by the recorder. `forget` takes a person's unanswered
 * questions out of the counts again ("slet mine data").
 */
export type OpsEvent =
  | { type: 'answer'; kind: 'article' | 'ambiguous' | 'redirect' | 'none'; articleId: string | null; question: string }
  | { type: 'path'; path: 'citizen' | 'employer' | 'question' | 'human'; stage: 'started' | 'completed' }
  | { type: 'handoff'; stage: 'requested' | 'claimed' | 'declined' | 'timedOut' | 'callback' | 'ended' }
  | { type: 'forget'; questions: CountedQuestion[] };

/**
 * An unanswered question as the counts hold it, so it can be taken out again: its day and an id made from its kept
 * text (a hash: the conversation that keeps this does not keep the words a second time).
 */
export interface CountedQuestion {
  day: string;
  id: string;
}

/** What every dialog needs. Given once, at construction; `today` is a function so tests can fix the date. */
export interface DialogDeps {
  kb: KnowledgeBase;
  replies: Replies;
  profile: StatePropertyAccessor<Profile>;
  chat: StatePropertyAccessor<ChatData>;
  today: () => IsoDate;
  contact: ContactInfo;
  /** Set once the handoff is wired (bot/handoff); undefined without a caseworkers' channel. */
  handoff?: HandoffPort;
  /** Counts what happens, for the operators (bot/ops); says which unanswered question it counted, if one. */
  record?: (event: OpsEvent) => CountedQuestion | null | void;
}

/** Throws an error naming the first missing dependency, so a wiring mistake fails at start-up, not mid-conversation. */
export function checkDeps(owner: string, deps: DialogDeps): DialogDeps {
  for (const name of ['kb', 'replies', 'profile', 'chat', 'today', 'contact'] as const) {
    if (!deps || deps[name] === undefined || deps[name] === null) throw new Error(`${owner} needs "${name}"`);
  }
  return deps;
}

/**
 * How to reach a person, as the "human.*" templates show it: the municipality, its phone, phone hours and page if set.
 */
export function contactView(deps: DialogDeps, lang: Lang) {
  const base = common(deps, lang);
  const { contact } = deps;
  const card = contact.phone !== null || contact.url !== null;
  return {
    ...base,
    municipality: contact.municipality || base.authority,
    phone: contact.phone ?? '',
    url: contact.url ?? '',
    hours: contact.hours?.[lang] ?? '',
    card,
  };
}

/**
 * A phone number as a tel: address: digits only, with the Danish country code when the number has none
 * ("99 99 99 99" and "+45 99 99 99 99" both become "tel:+4599999999").
 */
export function telUri(phone: string): string {
  const digits = phone.replace(/[^\d+]/g, '');
  return `tel:${digits.startsWith('+') ? digits : `+45${digits}`}`;
}

/** The values most templates use: who decides ("kommunen") on the given date. */
export function common(deps: DialogDeps, lang: Lang): { authority: string; Authority: string } {
  const authority = deps.kb.registry.authorityName(deps.today(), lang);
  return { authority, Authority: authority.charAt(0).toUpperCase() + authority.slice(1) };
}
