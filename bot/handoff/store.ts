import type { Storage, StoreItem } from '../sdk.js';
import {
  ERASURES_KEY,
  type HandoffCase,
  OPEN_CASES_KEY,
  caseKey,
  citizenKey,
  conversationKey,
  threadKey,
} from './case.js';
import type { Erasure } from './eraser.js';
import { isEtagConflict } from '../storage/etag.js';

type Stored<T> = T & StoreItem;

/** How often a write that lost an eTag race is tried again before giving up (not for claims: a claim loses). */
const RETRIES = 5;

/**
 * The handoff's records in the bot's Storage: the cases, a pointer from the citizen's conversation and from the Teams
 * thread to their case, and the list of open cases. Every change to a case is written with the eTag it was read with.
 */
export class CaseStore {
  constructor(private readonly storage: Storage) {}

  async get(caseId: string): Promise<HandoffCase | null> {
    const items = await this.storage.read([caseKey(caseId)]);
    const item = items[caseKey(caseId)] as Stored<HandoffCase> | undefined;
    if (!item) return null;
    const { eTag: _eTag, ...c } = item;
    return c as HandoffCase;
  }

  /**
   * Stores a new case. A live case (the citizen waits in the chat) also takes over the citizen's conversation: their
   * messages go to the caseworker until it ends. A call-back case leaves the conversation with the bot.
   */
  async create(c: HandoffCase, options: { live: boolean }): Promise<void> {
    const channel = c.citizen.channelId ?? 'unknown';
    const conversation = c.citizen.conversation?.id ?? 'unknown';
    await this.storage.write({
      [caseKey(c.caseId)]: { ...c },
      ...(options.live ? { [conversationKey(channel, conversation)]: { caseId: c.caseId } } : {}),
    });
    await this.changeOpenList((ids) => [...ids.filter((id) => id !== c.caseId), c.caseId]);
    const key = citizenKey(channel, conversation);
    const mine = (await this.storage.read([key]))[key] as { ids?: string[] } | undefined;
    await this.storage.write({ [key]: { ids: [...(mine?.ids ?? []), c.caseId] } });
  }

  /** The ids of every case a citizen's conversation has made. */
  async casesOf(channelId: string, conversationId: string): Promise<string[]> {
    const key = citizenKey(channelId, conversationId);
    return ((await this.storage.read([key]))[key] as { ids?: string[] } | undefined)?.ids ?? [];
  }

  /** Deletes a citizen's cases and every pointer to them: from the conversation, from the Teams threads, the list. */
  async forget(channelId: string, conversationId: string): Promise<void> {
    const ids = await this.casesOf(channelId, conversationId);
    const items = await this.storage.read(ids.map(caseKey));
    const threads = ids
      .map((id) => (items[caseKey(id)] as HandoffCase | undefined)?.thread?.reference.conversation?.id)
      .filter((id): id is string => !!id);
    await this.storage.delete([
      ...ids.map(caseKey),
      ...threads.map(threadKey),
      citizenKey(channelId, conversationId),
      conversationKey(channelId, conversationId),
    ]);
    await this.changeOpenList((open) => open.filter((id) => !ids.includes(id)));
  }

  /**
   * Changes a case with its eTag. `change` gets the current case and returns the new one, or null to leave it as
   * it is (then nothing is written). Returns the case as written, the unchanged case, or null when it does not exist.
   * With `once`, a lost race is not tried again and gives `{ conflict: true }`: that is how a claim loses.
   */
  async update(
    caseId: string,
    change: (c: HandoffCase) => HandoffCase | null,
    options: { once?: boolean } = {},
  ): Promise<{ case: HandoffCase; changed: boolean } | { conflict: true } | null> {
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      const items = await this.storage.read([caseKey(caseId)]);
      const item = items[caseKey(caseId)] as Stored<HandoffCase> | undefined;
      if (!item) return null;
      const { eTag, ...current } = item;
      const next = change(current as HandoffCase);
      if (!next) return { case: current as HandoffCase, changed: false };
      try {
        await this.storage.write({ [caseKey(caseId)]: { ...next, eTag } });
      } catch (e) {
        if (!isEtagConflict(e)) throw e;
        if (options.once) return { conflict: true };
        continue;
      }
      if (next.status === 'ended' || next.status === 'declined') await this.finish(next);
      return { case: next, changed: true };
    }
    return { conflict: true };
  }

  /** The open case of a citizen's conversation, if any. */
  async forConversation(channelId: string, conversationId: string): Promise<HandoffCase | null> {
    const key = conversationKey(channelId, conversationId);
    const pointer = (await this.storage.read([key]))[key] as { caseId?: string } | undefined;
    return pointer?.caseId ? this.get(pointer.caseId) : null;
  }

  /** The case a Teams thread belongs to, if any. */
  async forThread(threadId: string): Promise<HandoffCase | null> {
    const key = threadKey(threadId);
    const pointer = (await this.storage.read([key]))[key] as { caseId?: string } | undefined;
    return pointer?.caseId ? this.get(pointer.caseId) : null;
  }

  async linkThread(threadId: string, caseId: string): Promise<void> {
    await this.storage.write({ [threadKey(threadId)]: { caseId } });
  }

  async unlinkThread(threadId: string): Promise<void> {
    await this.storage.delete([threadKey(threadId)]);
  }

  /** Keeps what "slet mine data" could not yet do in Teams, for the job (one erasure per case). */
  async queueErasure(erasure: Erasure): Promise<void> {
    await this.changeRecord<{ items: Erasure[] }>(ERASURES_KEY, { items: [] }, ({ items }) => ({
      items: [...items.filter((e) => e.caseId !== erasure.caseId), erasure],
    }));
  }

  /**
   * The erasures due at `now`, each taken until `until` with an eTag write, so that when the jobs of several
   * instances run at once, one of them has it. Empty when another instance was quicker.
   */
  async takeDueErasures(now: Date, until: Date): Promise<Erasure[]> {
    const item = (await this.storage.read([ERASURES_KEY]))[ERASURES_KEY] as Stored<{ items: Erasure[] }> | undefined;
    const due = (item?.items ?? []).filter((e) => e.nextAttemptAt <= now.toISOString());
    if (!item || due.length === 0) return [];
    const taken = item.items.map((e) => (due.includes(e) ? { ...e, nextAttemptAt: until.toISOString() } : e));
    try {
      await this.storage.write({ [ERASURES_KEY]: { items: taken, eTag: item.eTag } });
    } catch (e) {
      if (!isEtagConflict(e)) throw e;
      return [];
    }
    return due;
  }

  /** Records how a taken erasure went: `left` is what is still to do, null when it is done (or given up). */
  async settleErasure(caseId: string, left: Erasure | null): Promise<void> {
    await this.changeRecord<{ items: Erasure[] }>(ERASURES_KEY, { items: [] }, ({ items }) => ({
      items: [...items.filter((e) => e.caseId !== caseId), ...(left ? [left] : [])],
    }));
  }

  /** Ids of the cases not yet finished. */
  async openCaseIds(): Promise<string[]> {
    const item = (await this.storage.read([OPEN_CASES_KEY]))[OPEN_CASES_KEY] as { ids?: string[] } | undefined;
    return item?.ids ?? [];
  }

  /** Gives the citizen's conversation back to the bot; the case itself goes on (a call-back). */
  async release(c: HandoffCase): Promise<void> {
    await this.storage.delete([
      conversationKey(c.citizen.channelId ?? 'unknown', c.citizen.conversation?.id ?? 'unknown'),
    ]);
  }

  /** A finished case lets go of the citizen's conversation, which goes back to the bot, and leaves the open list. */
  private async finish(c: HandoffCase): Promise<void> {
    await this.release(c);
    await this.changeOpenList((ids) => ids.filter((id) => id !== c.caseId));
  }

  private async changeOpenList(change: (ids: string[]) => string[]): Promise<void> {
    await this.changeRecord<{ ids: string[] }>(OPEN_CASES_KEY, { ids: [] }, ({ ids }) => ({ ids: change(ids) }));
  }

  /** Changes a shared record with its eTag, trying again when another instance changed it first. */
  private async changeRecord<T extends object>(key: string, empty: T, change: (current: T) => T): Promise<void> {
    for (let attempt = 0; attempt < RETRIES; attempt++) {
      const item = (await this.storage.read([key]))[key] as Stored<T> | undefined;
      const { eTag, ...current } = item ?? { ...empty, eTag: '*' };
      try {
        await this.storage.write({ [key]: { ...change(current as T), eTag } });
        return;
      } catch (e) {
        if (!isEtagConflict(e)) throw e;
      }
    }
  }
}
