import { withTimeout } from '../timeout.js';
import {
  type Activity,
  type CloudAdapter,
  type ConversationReference,
  type TurnContext,
  TurnContextClass,
} from '../sdk.js';

/** A card or text to post, as a Bot Framework activity. */
export type Outgoing = Partial<Activity>;

/** What the handoff needs from Teams. An interface, so the service can be tested and Teams swapped out. */
export interface CaseworkerChannel {
  /** Posts a new thread in the caseworkers' channel; returns the thread and the id of its first message (the card). */
  postThread(first: Outgoing): Promise<{ reference: Partial<ConversationReference>; activityId: string }>;
  /** Replaces a message in a thread (the card, when its status changes). */
  update(thread: Partial<ConversationReference>, activityId: string, activity: Outgoing): Promise<void>;
  /** Sends a message into a thread; returns its id ('' when the channel gave none), so it can be deleted later. */
  send(thread: Partial<ConversationReference>, activity: Outgoing): Promise<string>;
  /** Deletes a message the bot sent into a thread. */
  delete(thread: Partial<ConversationReference>, activityId: string): Promise<void>;
}

export interface TeamsSettings {
  appId: string;
  serviceUrl: string;
  channelId: string;
  tenantId: string;
  /** How long one call to Teams may take before it counts as failed (the case keeps what it could not send). */
  timeoutMs?: number;
}

/**
 * The caseworkers' channel in Microsoft Teams, through the Bot Connector (proactive messages). A new case is a new
 * thread in the configured channel; Teams names a thread "<channel id>;messageid=<id of its first message>".
 */
export class TeamsChannel implements CaseworkerChannel {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly settings: TeamsSettings,
  ) {}

  async postThread(first: Outgoing): Promise<{ reference: Partial<ConversationReference>; activityId: string }> {
    const { appId, serviceUrl, channelId, tenantId } = this.settings;
    let reference: Partial<ConversationReference> | undefined;
    await this.timed(
      this.adapter.createConversationAsync(
        appId,
        'msteams',
        serviceUrl,
        '',
        {
          isGroup: true,
          channelData: { channel: { id: channelId }, tenant: { id: tenantId } },
          activity: first as Activity,
          bot: { id: appId, name: 'Mentorbot' },
          tenantId,
          members: [],
        },
        async (context) => {
          reference = TurnContextClass.getConversationReference(context.activity);
        },
      ),
    );
    const id = reference?.conversation?.id ?? '';
    const activityId = /;messageid=(.+)$/.exec(id)?.[1];
    if (!reference || !activityId) throw new Error(`Teams did not name the new thread as expected ("${id}")`);
    return { reference, activityId };
  }

  async update(thread: Partial<ConversationReference>, activityId: string, activity: Outgoing): Promise<void> {
    await this.inThread(thread, async (context) => {
      await context.updateActivity({ ...activity, id: activityId });
    });
  }

  async send(thread: Partial<ConversationReference>, activity: Outgoing): Promise<string> {
    let id = '';
    await this.inThread(thread, async (context) => {
      id = (await context.sendActivity(activity))?.id ?? '';
    });
    return id;
  }

  async delete(thread: Partial<ConversationReference>, activityId: string): Promise<void> {
    await this.inThread(thread, async (context) => {
      await context.deleteActivity(activityId);
    });
  }

  /**
   * Runs `logic` in a proactive turn in the thread and rejects when it fails. (The adapter would hand the error to
   * its onTurnError instead, which apologises into the thread and resolves, as if the call had worked.)
   */
  private async inThread(
    thread: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    let failure: unknown = null;
    await this.timed(
      this.adapter.continueConversationAsync(this.settings.appId, thread, async (context) => {
        try {
          await logic(context);
        } catch (e) {
          failure = e ?? new Error('Teams failed');
        }
      }),
    );
    if (failure) throw failure;
  }

  private timed<T>(call: Promise<T>): Promise<T> {
    return withTimeout(call, this.settings.timeoutMs ?? 10_000, 'Teams');
  }
}
