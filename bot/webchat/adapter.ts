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
import type { PushHub } from './hub.js';

/** The bot's identity in the web chat. */
export const WEBCHAT_BOT = { id: 'mentorbot', name: 'Mentorbot', role: 'bot' } as const;
export const WEBCHAT_CHANNEL = 'webchat';

/** Turn-state key: where the replies of a turn started by the page are collected. */
const REPLIES = Symbol('webchatReplies');

/**
 * The adapter of the embedded web chat. It is not reachable from /api/messages: the web chat routes check the
 * conversation's token and then hand it the activity. Replies to a turn go back in the HTTP response; messages sent
 * outside a turn (proactively, through `continueConversation`) go to the conversation's push stream.
 */
export class WebChatAdapter extends BotAdapter {
  constructor(private readonly hub: PushHub) {
    super();
  }

  /** Runs one turn for an activity from the page and returns the bot's replies to it. */
  async processActivity(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<Partial<Activity>[]> {
    const context = new TurnContextClass(this, activity);
    const replies: Partial<Activity>[] = [];
    context.turnState.set(REPLIES, replies);
    await this.runMiddleware(context, logic);
    return replies;
  }

  async sendActivities(context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const replies = context.turnState.get(REPLIES) as Partial<Activity>[] | undefined;
    const responses: ResourceResponse[] = [];
    for (const a of activities) {
      if (a.type === 'delay' || a.type === ActivityTypes.InvokeResponse) {
        responses.push({ id: '' });
        continue;
      }
      const sent: Partial<Activity> = {
        ...a,
        id: randomUUID(),
        timestamp: new Date(),
        channelId: WEBCHAT_CHANNEL,
        from: { ...WEBCHAT_BOT },
      };
      if (replies) replies.push(sent);
      else if (sent.conversation?.id) await this.hub.publish(sent.conversation.id, sent);
      responses.push({ id: sent.id! });
    }
    return responses;
  }

  async updateActivity(): Promise<void> {
    throw new Error('The web chat cannot change a message it has sent');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('The web chat cannot delete a message it has sent');
  }

  /** Sends to a conversation outside a turn; what the logic sends goes to the conversation's push stream. */
  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const event = TurnContextClass.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    const context = new TurnContextClass(this, event);
    await this.runMiddleware(context, logic);
  }
}
