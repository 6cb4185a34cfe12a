import { type Activity, MemoryStorage, type Storage, TestAdapter } from 'botbuilder';
import type { IsoDate } from '../../knowledge/dates.js';
import { type BotParts, type ContactSettings, createBot } from '../../bot/runtime.js';
import { knowledgeBase } from '../helpers.js';

/** What a turn gave back: every message, its text and its buttons, in order. */
export interface Turn {
  replies: Partial<Activity>[];
  texts: string[];
  buttons: string[];
  /** The texts and the last reply's buttons, joined: what a person sees after the turn. */
  all: string;
}

export interface DriverOptions {
  today?: IsoDate;
  storage?: Storage;
  locale?: string;
  conversationId?: string;
  contact?: ContactSettings;
}

/**
 * Drives the whole bot (middleware, activity handler, dialogs, state) through botbuilder's TestAdapter, one turn at
 * a time, and returns each turn's replies. Uses the real templates and knowledge base; the date is fixed.
 */
export class ConversationDriver {
  readonly adapter: TestAdapter;
  readonly parts: BotParts;

  constructor(options: DriverOptions = {}) {
    const today = options.today ?? '2026-11-22';
    this.parts = createBot(knowledgeBase(), options.contact ?? { municipality: null, phone: null, url: null }, {
      storage: options.storage ?? new MemoryStorage(),
      today: () => today,
    });
    const conversation = {
      id: options.conversationId ?? `conv-${Math.random().toString(36).slice(2)}`,
      isGroup: false,
      conversationType: 'personal',
      name: '',
    };
    this.adapter = new TestAdapter((context) => this.parts.bot.run(context), {
      channelId: 'test',
      conversation,
      locale: options.locale ?? 'da-DK',
    } as Partial<Activity>);
    for (const m of this.parts.middleware) this.adapter.use(m);
  }

  /** The person opens the chat (conversationUpdate with the person added). */
  async join(): Promise<Turn> {
    return this.turn({
      type: 'conversationUpdate',
      membersAdded: [{ id: 'user1', name: '' }],
      recipient: { id: 'bot', name: 'Mentorbot' },
    });
  }

  async say(text: string): Promise<Turn> {
    return this.turn({ type: 'message', text });
  }

  async turn(activity: Partial<Activity>): Promise<Turn> {
    this.adapter.activeQueue.splice(0);
    await this.adapter.receiveActivity(activity);
    const replies = this.adapter.activeQueue.splice(0).filter((a) => a.type === 'message');
    // A reply's text, then its cards as "card: title", their text and "type: title (value)" per button.
    const texts = replies.map((r) =>
      [r.text ?? '', ...(r.attachments ?? []).flatMap(cardLines)].filter(Boolean).join('\n'),
    );
    const last = replies[replies.length - 1];
    const buttons = (last?.suggestedActions?.actions ?? []).map((a) => String(a.title));
    return { replies, texts, buttons, all: [...texts, ...buttons].join('\n') };
  }
}

function cardLines(attachment: { contentType?: string; content?: unknown }): string[] {
  const card = attachment.content as
    { title?: string; text?: string; buttons?: { type?: string; title?: string; value?: unknown }[] } | undefined;
  if (!card) return [`(${attachment.contentType})`];
  return [
    `card: ${card.title ?? ''}`,
    card.text ?? '',
    ...(card.buttons ?? []).map((b) => `${b.type}: ${b.title} (${String(b.value)})`),
  ];
}
