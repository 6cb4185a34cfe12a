import { randomUUID } from 'node:crypto';
import type { Express } from 'express';
import { listen } from '../helpers.js';
import { type Person, TOPIC_OF_INPUT, isEmployer } from './people.js';

/** How many messages a simulated person sends at most (the opening included). */
export const MAX_TURNS = 14;

interface Reply {
  type: string;
  text?: string;
  suggestedActions?: { actions: { title: string }[] };
  channelData?: { mentorbot?: { asking?: string; outcomes?: { kind: string; citations: string[] }[] } };
}

export interface Conversation {
  person: string;
  reached: boolean;
  /** What was said, for a development set's report (never printed for a held-out set). */
  lines: string[];
}

/** "LAB § 167, stk. 2" matches a label that is that provision or a part of it ("…, 2. pkt."). */
export function citationMatches(label: string, expected: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  const l = norm(label);
  const e = norm(expected);
  return l === e || l.startsWith(`${e},`) || l.startsWith(`${e} `);
}

/**
 * Plays one simulated person against the bot over its real protocol (POST /api/messages, expectReplies): the join,
 * the opening, then the person's own answer to each question the bot asks (by the fact it names in
 * channelData.mentorbot.asking, else "ved ikke"), a follow-up when the bot asks nothing, and, when they have nothing
 * left to say, the role button a person would press. Reached: the bot showed an outcome of an expected kind that
 * cites the expected provision, and the citation is in the text the person read.
 */
export async function converse(app: Express, person: Person): Promise<Conversation> {
  const server = await listen(app);
  const conversation = randomUUID();
  const lines: string[] = [];
  const followUps = [...(person.followUps ?? [])];
  const locale = person.lang === 'en' ? 'en-GB' : 'da-DK';
  const send = async (activity: Record<string, unknown>): Promise<Reply[]> => {
    const res = await fetch(`${server.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        id: randomUUID(),
        channelId: 'emulator',
        from: { id: 'person', role: 'user' },
        recipient: { id: 'mentorbot', role: 'bot' },
        conversation: { id: conversation },
        locale,
        deliveryMode: 'expectReplies',
        ...activity,
      }),
    });
    const body = (await res.json()) as { activities?: Reply[] };
    return body.activities ?? [];
  };
  const reachedIn = (replies: Reply[]) =>
    replies.some((r) =>
      (r.channelData?.mentorbot?.outcomes ?? []).some(
        (o) =>
          (person.expect.kinds as string[]).includes(o.kind) &&
          o.citations.some((c) => citationMatches(c, person.expect.citation) && (r.text ?? '').includes(c)),
      ),
    );
  let reached = false;
  const state: { pressedRole: boolean; lastAsked?: string } = { pressedRole: false };
  try {
    let replies = await send({ type: 'conversationUpdate', membersAdded: [{ id: 'person' }, { id: 'mentorbot' }] });
    let message: string | null = person.opening;
    for (let turn = 0; turn < MAX_TURNS && message !== null; turn++) {
      lines.push(`> ${message}`);
      replies = await send({ type: 'message', text: message });
      for (const r of replies) if (r.text) lines.push(`< ${r.text.replace(/\n+/g, ' ').slice(0, 300)}`);
      if (reachedIn(replies)) {
        reached = true;
        break;
      }
      message = nextMessage(person, replies, followUps, state);
    }
  } finally {
    await server.close();
  }
  return { person: person.name, reached, lines };
}

function nextMessage(
  person: Person,
  replies: Reply[],
  followUps: string[],
  state: { pressedRole: boolean; lastAsked?: string },
): string | null {
  const asking = [...replies].reverse().find((r) => r.channelData?.mentorbot?.asking)?.channelData?.mentorbot?.asking;
  const dontKnow = person.lang === 'en' ? "I don't know" : 'ved ikke';
  if (asking) {
    // Asked the same again (the bot did not understand): a person gives up on that question.
    const again = state.lastAsked === asking;
    state.lastAsked = asking;
    const topic = TOPIC_OF_INPUT[asking];
    const answer = topic ? person.answers[topic] : undefined;
    return again ? dontKnow : (answer ?? dontKnow);
  }
  state.lastAsked = undefined;
  if (followUps.length > 0) return followUps.shift()!;
  const buttons = replies.at(-1)?.suggestedActions?.actions.map((a) => a.title) ?? [];
  const role = isEmployer(person)
    ? ['Jeg er arbejdsgiver', 'I am an employer', "I'm an employer"]
    : ['Jeg er borger', 'I am a citizen', "I'm a citizen"];
  const press = buttons.find((b) => role.includes(b));
  // A person presses the role button once; afterwards their answers come as the bot asks.
  if (press && !state.pressedRole) {
    state.pressedRole = true;
    return press;
  }
  return null;
}
