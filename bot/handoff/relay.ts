import he from 'he';
import { commandKey } from '../../dialogs/commands.js';
import { parsePhone } from '../../dialogs/input/index.js';
import { log } from '../log.js';
import { type Activity, type TurnContext, TurnContextClass } from '../sdk.js';
import type { HandoffCase } from './case.js';
import { forgotten, withoutPhone } from './erase.js';
import type { TeamsEraser } from './eraser.js';
import { DELIVERY_LEASE_MS, HandoffService } from './service.js';
import { daysLater } from '../../knowledge/dates.js';

/** What a citizen writes to leave the queue or the caseworker and go back to the bot. */
const CITIZEN_END = new Set(
  ['afslut', 'slut', 'stop', 'end', 'quit', 'tilbage til mentorbot', 'start forfra', 'afslut samtalen'].map(commandKey),
);
/** What a caseworker writes in the thread to give the citizen back to the bot. */
const CASEWORKER_END = new Set(['afslut', 'end'].map(commandKey));

export interface TeamsScope {
  tenantId: string;
  channelId: string;
  /** Bot Framework authentication is on: a Teams activity has come from Microsoft's channel service. */
  authenticated: boolean;
  /** HANDOFF_ALLOW_UNAUTHENTICATED=test: Teams activities are taken without authentication (tests only). */
  testMode: boolean;
}

/**
 * Teams sends channel messages as HTML; the citizen gets plain text: mentions and tags go, line breaks and paragraphs
 * become new lines, and every HTML character reference (named, decimal or hexadecimal) is decoded by `he`. A
 * non-breaking space becomes a plain one.
 */
export function teamsText(activity: Partial<Activity>): string {
  const withoutMention = TurnContextClass.removeRecipientMention(activity) ?? activity.text ?? '';
  const withoutTags = withoutMention
    .replace(/<at>[^<]*<\/at>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>\s*<p>/gi, '\n')
    .replace(/<[^>]+>/g, '');
  return he
    .decode(withoutTags)
    .replace(/\u00a0/g, ' ')
    .trim();
}

/**
 * Routes the turns of a handoff: a citizen's messages while a case is live, everything from Teams, and a job that
 * retries delivery, offers a call-back when nobody takes a case in time, and deletes call-back numbers when due.
 */
export class HandoffRelay {
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly service: HandoffService,
    private readonly scope: TeamsScope,
    private readonly eraser: TeamsEraser,
  ) {}

  /** Handles a citizen's message when their conversation is with a caseworker (or queued). False: the bot answers. */
  async citizenTurn(context: TurnContext): Promise<boolean> {
    const a = context.activity;
    if (a.type !== 'message' || !a.conversation?.id) return false;
    const store = this.service.caseStore;
    const c = await store.forConversation(a.channelId, a.conversation.id);
    if (!HandoffService.live(c)) return false;
    const text = (a.text ?? '').trim();

    if (CITIZEN_END.has(commandKey(text))) {
      const result = await store.update(c.caseId, (cur) =>
        HandoffService.live(cur)
          ? { ...cur, status: 'ended', endedAt: this.service.clock().toISOString(), note: 'Borgeren afsluttede.' }
          : null,
      );
      const ended = result && 'case' in result ? result.case : c;
      this.service.count('ended');
      await context.sendActivity(this.service.citizenText(ended, 'handoff.endedByYou'));
      await this.toThread(ended, this.service.teamsText('teams.citizenLeft'));
      await this.service.refresh(ended);
      return true;
    }
    const phone = c.timedOut && c.status === 'waiting' ? parsePhone(text) : null;
    if (phone) {
      const days = this.service.handoffSettings.callbackDays;
      const result = await store.update(c.caseId, (cur) => ({
        ...cur,
        status: 'callback',
        callback: { phone, deleteAfter: daysLater(this.service.clock(), days).toISOString() },
        note: 'Ingen tog sagen i tide. Borgeren vil gerne ringes op.',
      }));
      await store.release(c);
      this.service.count('callback');
      const updated = result && 'case' in result ? result.case : c;
      const availability = this.service.availability();
      await context.sendActivity(
        this.service.citizenText(updated, 'handoff.callbackConfirmed', {
          hours: availability.hours[c.lang],
          next: availability.next[c.lang] ?? '',
        }),
      );
      await this.service.refresh(updated);
      return true;
    }
    if (text === '') return true;
    await this.service.relay(c, [text]);
    if (c.status === 'waiting') await context.sendActivity(this.service.citizenText(c, 'handoff.stillWaiting'));
    return true;
  }

  /**
   * "slet mine data": in Teams, blanks the citizen's cards (only a note is left), deletes the messages relayed from
   * the citizen (or, where Teams will not, replaces them with a note) and tells the caseworkers; what Teams does not
   * take now, the job does later. Then deletes the cases and every pointer to them.
   */
  async forgetCitizen(context: TurnContext): Promise<void> {
    const a = context.activity;
    if (!a.conversation?.id) return;
    const store = this.service.caseStore;
    for (const caseId of await store.casesOf(a.channelId, a.conversation.id)) {
      const result = await store.update(caseId, forgotten);
      const c = result && 'case' in result ? result.case : null;
      if (!c?.thread) continue;
      await this.eraser.erase({
        caseId,
        thread: c.thread.reference,
        card: { activityId: c.thread.cardActivityId, activity: this.service.cardActivity(c) },
        messages: c.relayed ?? [],
        notice: this.service.teamsText('teams.forgotten'),
      });
    }
    await store.forget(a.channelId, a.conversation.id);
  }

  /** Everything that arrives from Teams: card buttons, caseworkers' replies, and the bot being added to a team. */
  async teamsTurn(context: TurnContext): Promise<void> {
    const a = context.activity;
    if (!this.scope.authenticated && !this.scope.testMode) {
      // Anyone could have sent it. Not answered either: the reply would go to a serviceUrl of their choosing.
      log.warn('handoff: refused a Teams activity: Bot Framework authentication is off', { type: a.type });
      return;
    }
    const data = (a.channelData ?? {}) as {
      tenant?: { id?: string };
      channel?: { id?: string };
      teamsChannelId?: string;
      team?: { id?: string };
    };
    if (a.type === 'conversationUpdate' || a.type === 'installationUpdate') {
      log.info('Teams channel', {
        tenant: data.tenant?.id,
        channel: data.channel?.id ?? data.teamsChannelId,
        team: data.team?.id,
      });
      return;
    }
    if (a.type !== 'message') return;
    const channel = data.channel?.id ?? data.teamsChannelId;
    if (data.tenant?.id !== this.scope.tenantId || channel !== this.scope.channelId) {
      log.warn("handoff: refused a Teams activity from outside the caseworkers' channel", {
        tenant: data.tenant?.id,
        channel,
      });
      await context.sendActivity(this.service.teamsText('teams.notAllowed'));
      return;
    }
    const who = { id: a.from?.aadObjectId ?? a.from?.id ?? 'unknown', name: a.from?.name || 'En medarbejder' };
    const value = a.value as { mentorbot?: unknown; caseId?: unknown } | undefined;
    if (value && typeof value.caseId === 'string' && typeof value.mentorbot === 'string') {
      return this.action(context, value.mentorbot, value.caseId, who);
    }
    const threadId = a.conversation?.id ?? '';
    const c = await this.service.caseStore.forThread(threadId);
    const text = teamsText(a);
    if (!c) return void (await context.sendActivity(this.service.teamsText('teams.help')));
    if (c.status === 'waiting') return void (await context.sendActivity(this.service.teamsText('teams.notClaimed')));
    if (c.status !== 'claimed') return void (await context.sendActivity(this.service.teamsText('teams.gone')));
    if (c.claimedBy?.id !== who.id)
      return void (await context.sendActivity(
        this.service.teamsText('teams.notYours', { name: c.claimedBy?.name ?? '' }),
      ));
    if (CASEWORKER_END.has(commandKey(text))) return this.action(context, 'end', c.caseId, who);
    if (text === '') return;
    await this.service.notifyCitizen(c, 'handoff.caseworkerSays', { name: who.name, text });
  }

  private async action(
    context: TurnContext,
    action: string,
    caseId: string,
    who: { id: string; name: string },
  ): Promise<void> {
    const store = this.service.caseStore;
    const now = this.service.clock().toISOString();
    if (action === 'claim') {
      const result = await store.update(
        caseId,
        (cur) => (cur.status === 'waiting' ? { ...cur, status: 'claimed', claimedBy: who, claimedAt: now } : null),
        { once: true },
      );
      if (result && 'case' in result && result.changed) {
        const c = result.case;
        this.service.count('claimed');
        await this.service.refresh(c);
        await this.toThread(c, this.service.teamsText('teams.claimed', { name: who.name }));
        await this.service.notifyCitizen(c, 'handoff.connected', { name: who.name }, 'accepted');
        return;
      }
      // Lost the race, or the case was no longer waiting: say who has it, or that it is gone.
      const current = await store.get(caseId);
      if (current?.status === 'claimed')
        return void (await context.sendActivity(
          this.service.teamsText('teams.taken', { name: current.claimedBy?.name ?? '' }),
        ));
      return void (await context.sendActivity(this.service.teamsText('teams.gone')));
    }
    if (action === 'decline') {
      const result = await store.update(
        caseId,
        (cur) =>
          cur.status === 'waiting'
            ? { ...cur, status: 'declined', endedAt: now, note: `Afvist af ${who.name}.` }
            : null,
        { once: true },
      );
      if (!(result && 'case' in result && result.changed))
        return void (await context.sendActivity(this.service.teamsText('teams.gone')));
      this.service.count('declined');
      await this.service.refresh(result.case);
      await this.toThread(result.case, this.service.teamsText('teams.declined', { name: who.name }));
      await this.service.notifyCitizen(result.case, 'handoff.declined', {}, 'failed');
      return;
    }
    if (action === 'end') {
      const result = await store.update(
        caseId,
        (cur) =>
          cur.status === 'claimed' && cur.claimedBy?.id === who.id ? { ...cur, status: 'ended', endedAt: now } : null,
        { once: true },
      );
      if (!(result && 'case' in result && result.changed))
        return void (await context.sendActivity(this.service.teamsText('teams.gone')));
      this.service.count('ended');
      await this.service.refresh(result.case);
      await this.toThread(result.case, this.service.teamsText('teams.ended'));
      await this.service.notifyCitizen(result.case, 'handoff.ended', {}, 'completed');
    }
  }

  /** Sends a notice of ours into the case's thread; false when there is no thread yet or Teams cannot be reached. */
  private async toThread(c: HandoffCase, activity: Partial<Activity>): Promise<boolean> {
    if (!c.thread) return false;
    try {
      await this.service.channel.send(c.thread.reference, activity);
      return true;
    } catch (e) {
      log.warn('handoff: could not write in the thread', { caseId: c.caseId, error: e });
      return false;
    }
  }

  /** One round of the job: deliver what waits, offer call-backs after the timeout, delete numbers when due. */
  async tick(): Promise<void> {
    const store = this.service.caseStore;
    const now = this.service.clock();
    const settings = this.service.handoffSettings;
    for (const caseId of await store.openCaseIds()) {
      const c = await store.get(caseId);
      if (!c) continue;
      try {
        if (!c.thread && due(c, now) && (await this.leaseDelivery(caseId, now))) await this.service.deliver(caseId);
        else if (c.thread && c.pendingRelay.length > 0)
          await this.service.deliver(caseId).then(() => this.flush(caseId));
        if (
          c.status === 'waiting' &&
          !c.timedOut &&
          Date.parse(c.createdAt) + settings.timeoutMinutes * 60_000 <= now.getTime()
        ) {
          const result = await store.update(caseId, (cur) =>
            cur.status === 'waiting' && !cur.timedOut
              ? {
                  ...cur,
                  timedOut: true,
                  note: `Ingen har taget sagen inden for ${settings.timeoutMinutes} minutter. Borgeren er tilbudt et opkald.`,
                }
              : null,
          );
          if (result && 'case' in result && result.changed) {
            this.service.count('timedOut');
            await this.service.notifyCitizen(result.case, 'handoff.timeout', { days: String(settings.callbackDays) });
            await this.service.refresh(result.case);
          }
        }
        if (c.callback?.phone && c.callback.deleteAfter <= now.toISOString()) {
          // Guarded, so that when several instances' jobs get here, one deletes and updates the card. The number
          // goes from every text of the case, in whatever form the citizen wrote it.
          const deleted = (cur: HandoffCase): HandoffCase => ({
            ...withoutPhone(cur),
            status: 'ended',
            endedAt: now.toISOString(),
            note: 'Telefonnummeret er slettet.',
          });
          const result = await store.update(caseId, (cur) => (cur.callback?.phone ? deleted(cur) : null));
          if (result && 'case' in result && result.changed) await this.service.refresh(result.case);
        }
      } catch (e) {
        log.warn('handoff: job failed for a case', { caseId, error: e });
      }
    }
    try {
      await this.eraser.retry();
    } catch (e) {
      log.warn('handoff: job failed to delete in Teams', { error: e });
    }
  }

  /**
   * Takes the right to post the case's card for DELIVERY_LEASE_MS, with an eTag write: when the jobs of several
   * instances find the same case due, one of them wins and posts, the others leave it. False: not ours to post.
   */
  private async leaseDelivery(caseId: string, now: Date): Promise<boolean> {
    const until = new Date(now.getTime() + DELIVERY_LEASE_MS).toISOString();
    const result = await this.service.caseStore.update(
      caseId,
      (cur) => (!cur.thread && due(cur, now) ? { ...cur, delivery: { ...cur.delivery, nextAttemptAt: until } } : null),
      { once: true },
    );
    return !!result && 'case' in result && result.changed;
  }

  /** Sends what the citizen wrote while the thread could not be reached. */
  private async flush(caseId: string): Promise<void> {
    const store = this.service.caseStore;
    let pending: string[] = [];
    const result = await store.update(caseId, (cur) => {
      pending = cur.pendingRelay;
      return pending.length ? { ...cur, pendingRelay: [] } : null;
    });
    if (!result || !('case' in result) || !result.case.thread) return;
    await this.service.relay(result.case, pending);
  }

  start(intervalMs = 30_000): void {
    this.timer = setInterval(() => void this.tick(), intervalMs);
    this.timer.unref();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}

/** Whether the case's card is due to be posted (again). */
function due(c: HandoffCase, now: Date): boolean {
  return !c.delivery.nextAttemptAt || c.delivery.nextAttemptAt <= now.toISOString();
}
