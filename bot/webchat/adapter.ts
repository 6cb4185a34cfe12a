import { randomUUID } from 'node:crypto';
import {
  type Activity,
  ActivityTypes,
  BotAdapter,
  type ConversationReference,
  type ResourceResponse,
  type TurnContext,
  TurnContextClass,
} from '../sdk.js';
import type { ConversationHistory } from './history.js';
import type { StreamHub } from './streams.js';
import type { Revocations } from './tokens.js';

/** The bot's identity in the web chat. */
export const WEBCHAT_BOT = { id: 'mentorbot', name: 'Mentorbot', role: 'bot' } as const;
export const WEBCHAT_CHANNEL = 'webchat';
/** The event the bot sends when it has deleted a person's data ("slet mine data"). */
export const DATA_DELETED_EVENT = 'mentorbot.dataDeleted';

/** Turn-state key: the watermark of the person's activity that started the turn. */
const INBOUND_SEQ = Symbol('directLineInboundSeq');

/**
 * The adapter of our Direct Line channel. It is not reachable from /api/messages: the Direct Line routes check the
 * conversation's token and hand it the person's activity. Everything of a conversation, both sides, goes into its
 * history and out over its streams: the person's activity as the bot saw it (after the privacy guard, so a CPR
 * number never reaches the history), the replies of a turn, and messages sent outside a turn (a caseworker's,
 * through `continueConversation`). When the bot says it has deleted the person's data, the history up to the
 * person's request goes and every token of the conversation is revoked.
 */
export class WebChatAdapter extends BotAdapter {
  constructor(
    private readonly history: ConversationHistory,
    private readonly hub: StreamHub,
    private readonly revoked: Revocations,
  ) {
    super();
  }

  /**
   * Runs one turn for an activity from the person; its echo and the bot's replies go to the history and the streams.
   */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContextClass(this, activity);
    await this.runMiddleware(context, async (ctx) => {
      // After the middleware: the privacy guard has masked the text, and that is what the history keeps.
      if (ctx.activity.type === ActivityTypes.Message) {
        const seq = await this.keep(ctx.activity.conversation!.id, [clientView(ctx.activity)]);
        ctx.turnState.set(INBOUND_SEQ, seq);
      }
      await logic(ctx);
    });
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const conversationId = context.activity.conversation?.id;
    const responses: ResourceResponse[] = [];
    const sent: Partial<Activity>[] = [];
    for (const a of activities) {
      if (a.type === 'delay' || a.type === ActivityTypes.InvokeResponse) {
        responses.push({ id: '' });
        continue;
      }
      const view = clientView({
        ...a,
        id: randomUUID(),
        timestamp: new Date(),
        channelId: WEBCHAT_CHANNEL,
        from: { ...WEBCHAT_BOT },
      });
      sent.push(view);
      responses.push({ id: view.id! });
    }
    if (!conversationId || sent.length === 0) return responses;
    await this.keep(conversationId, sent);
    if (sent.some((a) => a.type === ActivityTypes.Event && a.name === DATA_DELETED_EVENT)) {
      const through = context.turnState.get(INBOUND_SEQ) as number | undefined;
      if (through !== undefined) await this.history.forgetThrough(conversationId, through);
      await this.revoked.add(conversationId);
    }
    return responses;
  }

  async updateActivity(): Promise<void> {
    throw new Error('The web chat cannot change a message it has sent');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('The web chat cannot delete a message it has sent');
  }

  /**
   * Sends to a conversation outside a turn: what the logic sends goes to the history and the conversation's streams.
   */
  async continueConversation(
    reference: Partial<ConversationReference>,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<void> {
    const event = TurnContextClass.applyConversationReference(
      { type: ActivityTypes.Event, name: 'continueConversation' },
      reference,
      true,
    );
    const context = new TurnContextClass(this, event);
    await this.runMiddleware(context, logic);
  }

  private async keep(conversationId: string, activities: Partial<Activity>[]): Promise<number> {
    const seq = await this.history.append(conversationId, activities);
    await this.hub.grew(conversationId);
    return seq;
  }
}

/** An activity as a Direct Line client sees it: without the server's internal fields. */
function clientView(a: Partial<Activity>): Partial<Activity> {
  const { serviceUrl: _serviceUrl, ...rest } = a;
  return JSON.parse(JSON.stringify(rest)) as Partial<Activity>;
}
