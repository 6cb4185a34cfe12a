import { randomUUID } from 'node:crypto';
import type { CaseSummary, HandoffPort } from '../../dialogs/deps.js';
import type { Replies } from '../../dialogs/replies.js';
import type { Lang } from '../../knowledge/search/normalise.js';
import { log } from '../log.js';
import { maskPersonalData } from '../privacy/mask.js';
import { type Activity, type ConversationReference, EventFactory, type TurnContext, TurnContextClass } from '../sdk.js';
import type { Transcript } from '../transcript.js';
import { type CaseLine, type HandoffCase, withoutNames } from './case.js';
import { caseCardAttachment } from './case-card.js';
import type { ClosedDays } from './holidays.js';
import { type OpeningHours, describeHours, describeNextOpening, isOpen } from './opening-hours.js';
import type { CaseStore } from './store.js';
import type { CaseworkerChannel, Outgoing } from './teams.js';
import { daysLater } from '../../knowledge/dates.js';

export interface HandoffSettings {
  hours: OpeningHours;
  holidays: ClosedDays;
  timeoutMinutes: number;
  callbackDays: number;
  municipality: string;
}

/** Sends to a citizen's conversation outside a turn, through the adapter of its channel. */
export type CitizenSender = (reference: Partial<ConversationReference>, activities: Outgoing[]) => Promise<void>;

/** The transcript of the citizen's conversation, as the transcript middleware keeps it. */
export type TranscriptReader = (context: TurnContext) => Promise<Transcript>;

/**
 * How long an instance that is posting a case's card has it to itself: the jobs (on every instance) leave the case
 * alone until then, so one card is posted, not one per instance. After a crash the lease runs out and a job retries.
 */
export const DELIVERY_LEASE_MS = 2 * 60_000;

/** Wait before trying Teams again: 30 s, 1, 2, 4 ... minutes, at most 15. */
export function retryDelayMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 15 * 60_000);
}

/**
 * The handoff to caseworkers ("bot as proxy"). It posts a case card in the caseworkers' Teams channel, relays
 * messages both ways once a caseworker has claimed the case, and gives the conversation back to the bot at the
 * end. The case record is the truth; Teams being down delays delivery but loses nothing.
 */
export class HandoffService implements HandoffPort {
  /** Counts handoff stages for the operators; set by the wiring. */
  count: (stage: 'requested' | 'claimed' | 'declined' | 'timedOut' | 'callback' | 'ended') => void = () => undefined;

  constructor(
    private readonly store: CaseStore,
    private readonly teams: CaseworkerChannel,
    private readonly toCitizen: CitizenSender,
    private readonly transcriptOf: TranscriptReader,
    private readonly replies: Replies,
    private readonly settings: HandoffSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  availability() {
    return {
      open: isOpen(this.settings.hours, this.settings.holidays, this.now()),
      hours: { da: describeHours(this.settings.hours, 'da'), en: describeHours(this.settings.hours, 'en') },
      next: {
        da: describeNextOpening(this.settings.hours, this.settings.holidays, this.now(), 'da'),
        en: describeNextOpening(this.settings.hours, this.settings.holidays, this.now(), 'en'),
      },
      callbackDays: this.settings.callbackDays,
    };
  }

  async request(
    context: TurnContext,
    input: { lang: Lang; question: string; summary: CaseSummary; callbackPhone: string | null },
  ): Promise<{ delivered: boolean }> {
    const now = this.now();
    const transcript: CaseLine[] = (await this.transcriptOf(context)).entries.map((e) => ({
      ...e,
      text: maskPersonalData(e.text),
    }));
    const c: HandoffCase = {
      caseId: randomUUID(),
      status: input.callbackPhone ? 'callback' : 'waiting',
      lang: input.lang,
      // Routed by ids: the display names a channel sends (often the person's real name) are not kept.
      citizen: withoutNames(TurnContextClass.getConversationReference(context.activity)),
      situation: input.summary.situation,
      outcomes: input.summary.outcomes,
      question: maskPersonalData(input.question),
      transcript,
      createdAt: now.toISOString(),
      thread: null,
      // This instance posts the card right away; the lease keeps the jobs from posting it too.
      delivery: {
        attempts: 0,
        nextAttemptAt: new Date(now.getTime() + DELIVERY_LEASE_MS).toISOString(),
        lastError: null,
      },
      pendingRelay: [],
      claimedBy: null,
      claimedAt: null,
      endedAt: null,
      callback: input.callbackPhone
        ? { phone: input.callbackPhone, deleteAfter: daysLater(now, this.settings.callbackDays).toISOString() }
        : null,
      timedOut: false,
      note: input.callbackPhone ? 'Borgeren vil gerne ringes op.' : null,
    };
    await this.store.create(c, { live: c.status === 'waiting' });
    this.count(c.status === 'callback' ? 'callback' : 'requested');
    // For a channel that understands the Bot Framework handoff protocol (an agent hub): the standard event.
    await context.sendActivity(
      EventFactory.createHandoffInitiation(
        context,
        { caseId: c.caseId, question: c.question, situation: c.situation },
        {
          activities: transcript.map(
            (l) =>
              ({
                type: 'message',
                text: l.text,
                from: { id: l.from, name: l.from },
                timestamp: new Date(l.at),
              }) as Activity,
          ),
        },
      ),
    );
    return { delivered: await this.deliver(c.caseId) };
  }

  /** Posts the case's card to Teams if it is not there yet. False when Teams could not be reached (retried later). */
  async deliver(caseId: string): Promise<boolean> {
    const c = await this.store.get(caseId);
    if (!c) return false;
    if (c.thread) return true;
    try {
      const posted = await this.teams.postThread(this.cardActivity(c));
      const threadId = posted.reference.conversation!.id;
      await this.store.linkThread(threadId, caseId);
      // What the citizen wrote while Teams was unreachable follows the card into the thread.
      let pending: string[] = [];
      const linked = await this.store.update(caseId, (cur) => {
        pending = cur.pendingRelay;
        return {
          ...cur,
          thread: { reference: posted.reference, cardActivityId: posted.activityId },
          delivery: { ...cur.delivery, nextAttemptAt: null, lastError: null },
          pendingRelay: [],
        };
      });
      if (!linked) {
        // "slet mine data" deleted the case while its card was being posted: take the card down again.
        await this.store.unlinkThread(threadId);
        await this.teams.delete(posted.reference, posted.activityId).catch((error: unknown) => {
          log.warn('handoff: could not take down the card of a deleted case', { caseId, thread: threadId, error });
        });
        return false;
      }
      if ('case' in linked) await this.relay(linked.case, pending);
      return true;
    } catch (e) {
      const attempts = c.delivery.attempts + 1;
      log.warn('handoff: Teams unreachable, will retry', { caseId, attempts, error: e });
      await this.store.update(caseId, (cur) => ({
        ...cur,
        delivery: {
          attempts,
          nextAttemptAt: new Date(this.now().getTime() + retryDelayMs(attempts)).toISOString(),
          lastError: (e as Error).message,
        },
      }));
      return false;
    }
  }

  /**
   * Sends what the citizen wrote into the case's thread, in order, as plain text (citizenSays), and notes the
   * messages' ids on the case so "slet mine data" can delete them. What cannot be sent (no thread yet, Teams
   * unreachable) waits in the case for the job. False when something is left waiting.
   */
  async relay(c: HandoffCase, texts: string[]): Promise<boolean> {
    const ids: string[] = [];
    let next = 0;
    if (c.thread) {
      try {
        for (; next < texts.length; next++)
          ids.push(await this.teams.send(c.thread.reference, this.citizenSays(texts[next]!)));
      } catch (e) {
        log.warn('handoff: could not write in the thread', { caseId: c.caseId, error: e });
      }
    }
    const unsent = texts.slice(next);
    if (texts.length > 0) {
      await this.store.update(c.caseId, (cur) => ({
        ...cur,
        relayed: [...(cur.relayed ?? []), ...ids.filter(Boolean)],
        pendingRelay: [...cur.pendingRelay, ...unsent].slice(-100),
      }));
    }
    return unsent.length === 0;
  }

  /**
   * A citizen's message for the thread: plain text, with Markdown and HTML escaped as well, so that whatever Teams
   * makes of it, no link, formatting or mention the citizen typed can render among the caseworkers.
   */
  citizenSays(text: string): Outgoing {
    return { ...this.teamsText('teams.citizenSays', { text }), textFormat: 'plain' };
  }

  /** The case's card as a message for Teams. */
  cardActivity(c: HandoffCase): Outgoing {
    return { type: 'message', attachments: [caseCardAttachment(this.cardData(c))] };
  }

  private cardData(c: HandoffCase) {
    return {
      caseId: c.caseId,
      status: c.status,
      situation: c.situation,
      outcomes: c.outcomes,
      question: c.question,
      transcript: c.transcript,
      createdAt: c.createdAt,
      claimedBy: c.claimedBy?.name ?? null,
      note: c.callback ? `${c.note ?? ''} Telefon: ${c.callback.phone || '(slettet)'}`.trim() : c.note,
    };
  }

  /** Re-renders the card in its thread after a change of status. Best effort: the case record holds the truth. */
  async refresh(c: HandoffCase): Promise<void> {
    if (!c.thread) return;
    try {
      await this.teams.update(c.thread.reference, c.thread.cardActivityId, this.cardActivity(c));
    } catch (e) {
      log.warn('handoff: could not update the card', { caseId: c.caseId, error: e });
    }
  }

  teamsText(key: Parameters<Replies['text']>[1], data: object = {}): Outgoing {
    return this.replies.message('da', key, data);
  }

  citizenText(c: HandoffCase, key: Parameters<Replies['text']>[1], data: object = {}): Outgoing {
    return this.replies.message(c.lang, key, { municipality: this.settings.municipality, ...data });
  }

  /** Tells the citizen, and a channel that understands it, where the handoff stands. */
  async notifyCitizen(
    c: HandoffCase,
    key: Parameters<Replies['text']>[1],
    data: object = {},
    status?: 'accepted' | 'failed' | 'completed',
  ): Promise<void> {
    const activities: Outgoing[] = [this.citizenText(c, key, data)];
    if (status && c.citizen.conversation)
      activities.push(EventFactory.createHandoffStatus(c.citizen.conversation, status));
    try {
      await this.toCitizen(c.citizen, activities);
    } catch (e) {
      log.warn('handoff: could not reach the citizen', { caseId: c.caseId, error: e });
    }
  }

  get channel(): CaseworkerChannel {
    return this.teams;
  }

  get caseStore(): CaseStore {
    return this.store;
  }

  get handoffSettings(): HandoffSettings {
    return this.settings;
  }

  /** Whether the case is live for the citizen: they are queued or talking to a caseworker. */
  static live(c: HandoffCase | null): c is HandoffCase {
    return !!c && (c.status === 'waiting' || c.status === 'claimed');
  }

  /** The time to judge timeouts and retries by. */
  clock(): Date {
    return this.now();
  }
}
