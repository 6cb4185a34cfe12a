import { log } from '../log.js';
import type { ConversationReference } from '../sdk.js';
import type { CaseStore } from './store.js';
import type { CaseworkerChannel, Outgoing } from './teams.js';

/** What a relayed message says instead, when Teams will not delete it. */
export const MESSAGE_DELETED = 'Beskeden er slettet efter borgerens ønske.';
/** How often the job tries an erasure before it gives up and logs what is left for an operator. */
export const ERASE_ATTEMPTS = 30;
/** How long a job that took an erasure has it to itself (another instance's job leaves it alone until then). */
const ERASE_LEASE_MS = 2 * 60_000;

/**
 * What "slet mine data" has to do in one case's Teams thread, in order: put the blank card in place of the card,
 * delete the citizen's relayed messages, then tell the caseworkers. Holds ids and our own texts, none of the
 * citizen's words, so it may outlive the case while Teams is unreachable.
 */
export interface Erasure {
  caseId: string;
  thread: Partial<ConversationReference>;
  card: { activityId: string; activity: Outgoing } | null;
  messages: string[];
  notice: Outgoing | null;
  attempts: number;
  nextAttemptAt: string;
}

/**
 * Removes a citizen's words from a Teams thread. Tried at once; what Teams does not take now is kept in the
 * storage and tried again by the job (30 s, 1, 2, 4 ... minutes, at most 15), so an outage delays it but loses
 * nothing.
 */
export class TeamsEraser {
  constructor(
    private readonly store: CaseStore,
    private readonly channel: CaseworkerChannel,
    private readonly now: () => Date,
    private readonly retryDelayMs: (attempts: number) => number,
  ) {}

  /** Does what it can of the erasure now and queues the rest. */
  async erase(erasure: Omit<Erasure, 'attempts' | 'nextAttemptAt'>): Promise<void> {
    const left = await this.attempt({ ...erasure, attempts: 0, nextAttemptAt: this.now().toISOString() });
    if (left) await this.store.queueErasure(this.later(left));
  }

  /** The job's round: tries the queued erasures that are due; gives one up after ERASE_ATTEMPTS, naming the thread. */
  async retry(): Promise<void> {
    const now = this.now();
    for (const erasure of await this.store.takeDueErasures(now, new Date(now.getTime() + ERASE_LEASE_MS))) {
      const left = await this.attempt(erasure);
      if (left && left.attempts + 1 >= ERASE_ATTEMPTS) {
        log.error("handoff: gave up deleting a citizen's messages in Teams; delete them by hand", {
          caseId: erasure.caseId,
          thread: erasure.thread.conversation?.id,
          card: left.card?.activityId,
          messages: left.messages,
        });
      }
      await this.store.settleErasure(
        erasure.caseId,
        left && left.attempts + 1 < ERASE_ATTEMPTS ? this.later(left) : null,
      );
    }
  }

  private later(erasure: Erasure): Erasure {
    const attempts = erasure.attempts + 1;
    return {
      ...erasure,
      attempts,
      nextAttemptAt: new Date(this.now().getTime() + this.retryDelayMs(attempts)).toISOString(),
    };
  }

  /** Works through the erasure in order and stops at the first failure; returns what is left, or null when done. */
  private async attempt(erasure: Erasure): Promise<Erasure | null> {
    const left: Erasure = { ...erasure, messages: [...erasure.messages] };
    try {
      if (left.card) {
        await this.channel.update(left.thread, left.card.activityId, left.card.activity);
        left.card = null;
      }
      while (left.messages.length > 0) {
        await this.eraseMessage(left.thread, left.messages[0]!);
        left.messages.shift();
      }
      if (left.notice) {
        await this.channel.send(left.thread, left.notice);
        left.notice = null;
      }
      return null;
    } catch (error) {
      log.warn("handoff: could not delete the citizen's messages in Teams yet", {
        caseId: erasure.caseId,
        messages: left.messages.length,
        error,
      });
      return left;
    }
  }

  /**
   * Deletes a relayed message. When Teams refuses (a 4xx answer), the message is replaced by a short note instead;
   * a message that is gone already counts as deleted. Throws when Teams cannot be reached.
   */
  private async eraseMessage(thread: Partial<ConversationReference>, activityId: string): Promise<void> {
    try {
      await this.channel.delete(thread, activityId);
      return;
    } catch (error) {
      const status = (error as { statusCode?: unknown }).statusCode;
      if (status === 404) return;
      const refused = typeof status === 'number' && status >= 400 && status < 500 && status !== 408 && status !== 429;
      if (!refused) throw error;
    }
    await this.channel.update(thread, activityId, { type: 'message', text: MESSAGE_DELETED, textFormat: 'plain' });
  }
}
