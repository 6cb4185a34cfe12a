import type { ConversationReference } from '../sdk.js';

/**
 * Where a case is. `waiting`: in the queue; `claimed`: a caseworker has it; `callback`: the citizen asked to be called.
 */
export type CaseStatus = 'waiting' | 'claimed' | 'ended' | 'declined' | 'callback';

/** A line of the conversation as the caseworker reads it; masked before it is stored. */
export interface CaseLine {
  from: 'user' | 'bot';
  text: string;
  at: string;
}

/**
 * One citizen's request for a person, stored under `handoff/cases/<caseId>` and written with its eTag, so two
 * caseworkers pressing "Overtag" at once cannot both win. Holds only what the citizen agreed to share.
 */
export interface HandoffCase {
  caseId: string;
  status: CaseStatus;
  lang: 'da' | 'en';
  /** Where to reach the citizen: their conversation on the web chat or another channel. */
  citizen: Partial<ConversationReference>;
  situation: { label: string; value: string }[];
  outcomes: { text: string; citations: { label: string; url: string }[] }[];
  question: string;
  transcript: CaseLine[];
  createdAt: string;
  /** The Teams thread the card opened, once it is posted. */
  thread: { reference: Partial<ConversationReference>; cardActivityId: string } | null;
  /**
   * Posting to Teams: how many tries failed, and when the job may try (again) (ISO; also the lease of the instance
   * posting it).
   */
  delivery: { attempts: number; nextAttemptAt: string | null; lastError: string | null };
  /** Citizen messages waiting for the thread to exist (Teams was unreachable). */
  pendingRelay: string[];
  /**
   * Ids of the citizen's messages relayed into the thread, so "slet mine data" can delete them (absent on old cases).
   */
  relayed?: string[];
  claimedBy: { id: string; name: string } | null;
  claimedAt: string | null;
  endedAt: string | null;
  /** Set when the citizen asked to be called: the number and when it must be deleted. */
  callback: { phone: string; deleteAfter: string } | null;
  /** The citizen has been told nobody took the case in time. */
  timedOut: boolean;
  note: string | null;
}

export const caseKey = (caseId: string) => `handoff/cases/${caseId}`;
export const conversationKey = (channelId: string, conversationId: string) =>
  `handoff/conversations/${channelId}/${conversationId}`;
/** All the cases a citizen's conversation has made, for "slet mine data". */
export const citizenKey = (channelId: string, conversationId: string) =>
  `handoff/citizens/${channelId}/${conversationId}`;
export const threadKey = (threadId: string) => `handoff/threads/${threadId}`;
/** The list of cases not yet finished, for the timeout and retry job. */
export const OPEN_CASES_KEY = 'handoff/open';
/** What "slet mine data" could not yet remove from Teams, for the job to try again. */
export const ERASURES_KEY = 'handoff/erasures';

/**
 * The citizen's conversation reference with its display names blanked: it routes by ids and the service address
 * alone, and a channel may put the person's real name in `user.name` or `conversation.name`.
 */
export function withoutNames(reference: Partial<ConversationReference>): Partial<ConversationReference> {
  const { user, conversation } = reference;
  return {
    ...reference,
    ...(user ? { user: { ...user, name: '' } } : {}),
    ...(conversation ? { conversation: { ...conversation, name: '' } } : {}),
  };
}
