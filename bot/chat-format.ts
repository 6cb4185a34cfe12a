/**
 * The pure parts of the terminal chat client (`npm run chat`): the activities it sends, how a turn's replies are
 * shown in a terminal, how a typed line maps to a suggested action, and its messages when the server fails.
 * No I/O here, so all of it is unit-tested; chat-cli.ts does the talking.
 */
import { parseArgs } from 'node:util';

export const DEFAULT_URL = 'http://127.0.0.1:3978';

/** The fields of a Bot Framework request activity that Mentorbot's POST /api/messages needs. */
export interface RequestActivity {
  type: 'message' | 'conversationUpdate';
  id: string;
  channelId: string;
  serviceUrl: string;
  from: { id: string; role: 'user' };
  recipient: { id: string; role: 'bot' };
  conversation: { id: string };
  locale: string;
  deliveryMode: 'expectReplies';
  timestamp: string;
  text?: string;
  membersAdded?: { id: string }[];
}

/** Who is talking in which conversation; one per chat (or per benchmarked conversation). */
export interface ChatSession {
  conversationId: string;
  userId: string;
  channelId?: string;
}

function baseActivity(session: ChatSession, id: string, now: Date): Omit<RequestActivity, 'type'> {
  return {
    id,
    channelId: session.channelId ?? 'emulator',
    // The replies come back in the HTTP answer (expectReplies), so the service URL is never called.
    serviceUrl: 'http://127.0.0.1:1/',
    from: { id: session.userId, role: 'user' },
    recipient: { id: 'mentorbot', role: 'bot' },
    conversation: { id: session.conversationId },
    locale: 'da-DK',
    deliveryMode: 'expectReplies',
    timestamp: now.toISOString(),
  };
}

/** The activity that opens a conversation; the bot answers it with its welcome. */
export function conversationUpdate(session: ChatSession, id: string, now = new Date()): RequestActivity {
  return { type: 'conversationUpdate', ...baseActivity(session, id, now), membersAdded: [{ id: session.userId }] };
}

/** A message the user typed (or a suggested action's value). */
export function userMessage(session: ChatSession, id: string, text: string, now = new Date()): RequestActivity {
  return { type: 'message', ...baseActivity(session, id, now), text };
}

/** The parts of a reply activity the terminal shows. */
export interface ReplyActivity {
  type?: string;
  text?: string;
  suggestedActions?: { actions?: CardAction[] };
  attachments?: { contentType?: string; content?: unknown }[];
}

export interface CardAction {
  type?: string;
  title?: string;
  value?: unknown;
  text?: string;
}

/**
 * A choice picked by its letter: "send" actions post their value as the user's next message, "open" ones show a link.
 */
export interface ChatAction {
  title: string;
  value: string;
  kind: 'send' | 'open';
}

/** Markdown made readable as plain text: `[label](url)` becomes `label (url)`; line breaks are kept. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/\[([^\]\n]+)\]\(\s*<?([^()\s<>]+)>?(?:\s+"[^"]*")?\s*\)/g, (_m, label: string, url: string) =>
      label.trim() === url ? url : `${label} (${url})`,
    )
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1');
}

function toChatAction(action: CardAction): ChatAction | undefined {
  const value = typeof action.value === 'string' ? action.value : (action.text ?? action.title);
  if (!value) return undefined;
  const kind = action.type === 'openUrl' || action.type === 'call' ? 'open' : 'send';
  return { title: action.title ?? value, value, kind };
}

const CARD_TYPES = ['application/vnd.microsoft.card.hero', 'application/vnd.microsoft.card.thumbnail'];

/**
 * The letters of the offered actions, kept stable over a conversation: an action offered before gets the letter it
 * had ("Ved ikke" stays "d" question after question), a new one the first letter no recent action holds. Only when
 * every letter has been used does the least recently offered action give up its letter.
 */
export class LetterBook {
  private readonly byTitle = new Map<string, string>();
  private readonly lastUsed = new Map<string, number>();
  private turn = 0;

  /** The letters for this turn's actions, in their order. */
  assign(actions: readonly ChatAction[]): string[] {
    this.turn++;
    const taken = new Set<string>();
    const letters: (string | undefined)[] = actions.map((a) => {
      const kept = this.byTitle.get(a.title);
      if (kept === undefined || taken.has(kept)) return undefined;
      taken.add(kept);
      return kept;
    });
    const owners = new Map([...this.byTitle].map(([title, letter]) => [letter, title]));
    actions.forEach((a, i) => {
      if (letters[i] !== undefined) return;
      const free = ALPHABET.filter((l) => !taken.has(l));
      // A letter no title holds, else the one whose title was offered longest ago.
      const letter =
        free.find((l) => !owners.has(l)) ??
        free.sort((x, y) => (this.lastUsed.get(owners.get(x)!) ?? 0) - (this.lastUsed.get(owners.get(y)!) ?? 0))[0]!;
      const previous = owners.get(letter);
      if (previous !== undefined) this.byTitle.delete(previous);
      this.byTitle.set(a.title, letter);
      owners.set(letter, a.title);
      taken.add(letter);
      letters[i] = letter;
    });
    for (const a of actions) this.lastUsed.set(a.title, this.turn);
    return letters as string[];
  }
}

const ALPHABET = [...'abcdefghijklmnopqrstuvwxyz'];

/**
 * A turn's replies as terminal text, and the actions a person can pick now, each with its letter. Typing and event
 * activities are skipped. As in Web Chat, only the last reply's suggested actions are offered (earlier replies'
 * suggestions are gone once another reply follows); a card's buttons stay with their card. With a LetterBook the
 * letters stay the same from turn to turn; without one they run a, b, c.
 */
export function renderTurn(
  replies: readonly ReplyActivity[],
  letters?: LetterBook,
): { text: string; actions: ChatAction[]; keys: string[] } {
  const blocks: string[] = [];
  const actions: ChatAction[] = [];
  const messages = replies.filter((r) => (r.type ?? 'message') === 'message');
  const last = messages.at(-1);
  for (const reply of replies) {
    if ((reply.type ?? 'message') !== 'message') continue;
    const parts: string[] = [];
    if (reply.text?.trim()) parts.push(plainText(reply.text.trim()));
    for (const attachment of reply.attachments ?? []) {
      const card = attachment.content as { title?: string; text?: string; buttons?: CardAction[] } | undefined;
      if (CARD_TYPES.includes(attachment.contentType ?? '') && card) {
        parts.push(
          [card.title, card.text]
            .filter(Boolean)
            .map((s) => plainText(String(s)))
            .join('\n'),
        );
        actions.push(...(card.buttons ?? []).flatMap((b) => toChatAction(b) ?? []));
      } else {
        parts.push(
          `(Vedhæftning af typen ${attachment.contentType ?? 'ukendt'} kan ikke vises her. / Attachment not shown.)`,
        );
      }
    }
    if (reply === last) actions.push(...(reply.suggestedActions?.actions ?? []).flatMap((a) => toChatAction(a) ?? []));
    if (parts.length > 0) blocks.push(indentAfterFirst('Mentorbot: ', parts.join('\n')));
  }
  // The same action twice (a card's and a suggestion's) is offered once.
  const unique = actions.filter((a, i) => actions.findIndex((b) => b.title === a.title && b.value === a.value) === i);
  const keys = letters ? letters.assign(unique) : unique.map((_a, i) => actionKey(i));
  const list = unique.map((a, i) => `  ${keys[i]}) ${a.title}${a.kind === 'open' ? ` (${a.value})` : ''}`);
  return { text: [...blocks, ...list].join('\n'), actions: unique, keys };
}

function indentAfterFirst(prefix: string, text: string): string {
  const pad = ' '.repeat(prefix.length);
  return text
    .split('\n')
    .map((line, i) => (i === 0 ? prefix + line : line ? pad + line : ''))
    .join('\n');
}

/** The letter that picks the i-th action: a, b, c ... Letters, not numbers, so "2" stays an answer ("2 måneder"). */
export function actionKey(i: number): string {
  return String.fromCharCode(97 + i);
}

/**
 * What a typed line means: nothing (empty), a single letter that picks one of the offered actions, or text to send
 * as typed. Numbers are always sent as typed: they are answers, like an age.
 */
export function interpretInput(
  line: string,
  actions: readonly ChatAction[],
  keys: readonly string[] = actions.map((_a, i) => actionKey(i)),
): { send: string; picked?: ChatAction } | { open: string } | null {
  const text = line.trim();
  if (!text) return null;
  if (/^[a-z]$/i.test(text)) {
    const picked = actions[keys.indexOf(text.toLowerCase())];
    if (picked) return picked.kind === 'open' ? { open: picked.value } : { send: picked.value, picked };
  }
  return { send: text };
}

/**
 * The client's settings: `--url` wins over MENTORBOT_URL, which wins over the server's own address from PORT and HOST
 * (read from the environment and .env, as the server reads them): http://127.0.0.1:<PORT>, or HOST when it names a
 * particular address. 127.0.0.1 rather than localhost, which may resolve to ::1 where the server does not listen.
 */
export function chatOptions(
  argv: string[],
  env: NodeJS.ProcessEnv,
): { url: string } | { help: true } | { error: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { url: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    }));
  } catch (e) {
    return { error: (e as Error).message };
  }
  if (values.help) return { help: true };
  const port = env.PORT?.trim();
  if (!values.url && !env.MENTORBOT_URL && port && !/^\d{1,5}$/.test(port))
    return { error: `PORT must be a port number, got "${port}"` };
  const host = env.HOST?.trim();
  const serverHost =
    !host || host === '0.0.0.0' || host === '::' || host === 'localhost'
      ? '127.0.0.1'
      : host.includes(':')
        ? `[${host}]`
        : host;
  const own = port || host ? `http://${serverHost}:${port || '3978'}` : DEFAULT_URL;
  const url = (values.url || env.MENTORBOT_URL || own).trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(url)) return { error: `--url must be an http(s) address, got "${url}"` };
  return { url };
}

export const USAGE = `Brug: npm run chat [-- --url http://127.0.0.1:3978] (standard: PORT og HOST fra miljøet eller .env, som serveren)
Chat med Mentorbot i terminalen. Skriv et bogstav (a, b, c ...) for at vælge et forslag. /quit eller Ctrl-D slutter.
Usage: npm run chat [-- --url URL] (or set MENTORBOT_URL). Type a letter to pick a suggestion; /quit or Ctrl-D ends.`;

/** Why a turn failed, in Danish first and English second, without a stack trace. */
export type Failure =
  | { kind: 'unreachable'; url: string }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'unauthorized' }
  | { kind: 'status'; status: number; body: string }
  | { kind: 'bad-reply'; body: string };

export function describeFailure(f: Failure): string {
  switch (f.kind) {
    case 'unreachable':
      return (
        `Kan ikke få forbindelse til Mentorbot på ${f.url}. Start serveren først med \`npm start\` i et andet vindue.\n` +
        `Cannot reach Mentorbot at ${f.url}. Start the server first with \`npm start\` in another window.`
      );
    case 'timeout':
      return `Mentorbot svarede ikke inden for ${f.seconds} sekunder. Prøv igen.\nMentorbot did not answer within ${f.seconds} seconds. Try again.`;
    case 'unauthorized':
      return (
        'Serveren afviste beskeden (401). Den har MicrosoftAppId sat, så den tager kun imod trafik fra Bot Framework. ' +
        'Start den uden MicrosoftAppId for at chatte her.\n' +
        'The server refused the message (401). It has MicrosoftAppId set, so it only accepts Bot Framework traffic. ' +
        'Start it without MicrosoftAppId to chat here.'
      );
    case 'status':
      return `Serveren svarede med status ${f.status}: ${brief(f.body)}\nThe server answered with status ${f.status}.`;
    case 'bad-reply':
      return (
        `Serveren svarede, men ikke med bottens svar: ${brief(f.body)}\n` +
        'The server answered, but not with the bot\'s replies (is deliveryMode "expectReplies" supported?).'
      );
  }
}

function brief(body: string): string {
  const oneLine = body.replace(/\s+/g, ' ').trim();
  if (!oneLine) return '(tomt svar / empty body)';
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
}
