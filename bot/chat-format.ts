/**
 * The pure parts of the terminal chat client (`npm run chat`): the activities it sends, how a turn's replies are
 * shown in a terminal, how a typed line maps to a suggested action, and its messages when the server fails.
 * No I/O here, so all of it is unit-tested; chat-cli.ts does the talking.
 */
import { parseArgs } from 'node:util';

export const DEFAULT_URL = 'http://localhost:3978';

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

/** A choice picked by its letter: "send" actions post their value as the user's next message, "open" ones show a link. */
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
  const value = typeof action.value === 'string' ? action.value : action.text ?? action.title;
  if (!value) return undefined;
  const kind = action.type === 'openUrl' ? 'open' : 'send';
  return { title: action.title ?? value, value, kind };
}

const CARD_TYPES = ['application/vnd.microsoft.card.hero', 'application/vnd.microsoft.card.thumbnail'];

/** A turn's replies as terminal text, and the actions they offer, each with its letter. Typing and event activities are skipped. */
export function renderTurn(replies: readonly ReplyActivity[]): { text: string; actions: ChatAction[] } {
  const blocks: string[] = [];
  const actions: ChatAction[] = [];
  for (const reply of replies) {
    if ((reply.type ?? 'message') !== 'message') continue;
    const parts: string[] = [];
    if (reply.text?.trim()) parts.push(plainText(reply.text.trim()));
    for (const attachment of reply.attachments ?? []) {
      const card = attachment.content as { title?: string; text?: string; buttons?: CardAction[] } | undefined;
      if (CARD_TYPES.includes(attachment.contentType ?? '') && card) {
        parts.push([card.title, card.text].filter(Boolean).map((s) => plainText(String(s))).join('\n'));
        actions.push(...(card.buttons ?? []).flatMap((b) => toChatAction(b) ?? []));
      } else {
        parts.push(`(Vedhæftning af typen ${attachment.contentType ?? 'ukendt'} kan ikke vises her. / Attachment not shown.)`);
      }
    }
    actions.push(...(reply.suggestedActions?.actions ?? []).flatMap((a) => toChatAction(a) ?? []));
    if (parts.length > 0) blocks.push(indentAfterFirst('Mentorbot: ', parts.join('\n')));
  }
  const list = actions.map((a, i) => `  ${actionKey(i)}) ${a.title}${a.kind === 'open' ? ` (${a.value})` : ''}`);
  return { text: [...blocks, ...list].join('\n'), actions };
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
export function interpretInput(line: string, actions: readonly ChatAction[]): { send: string; picked?: ChatAction } | { open: string } | null {
  const text = line.trim();
  if (!text) return null;
  if (/^[a-z]$/i.test(text)) {
    const picked = actions[text.toLowerCase().charCodeAt(0) - 97];
    if (picked) return picked.kind === 'open' ? { open: picked.value } : { send: picked.value, picked };
  }
  return { send: text };
}

/** The client's settings: `--url` wins over MENTORBOT_URL, which wins over the default. */
export function chatOptions(argv: string[], env: NodeJS.ProcessEnv): { url: string } | { help: true } | { error: string } {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { url: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    return { error: (e as Error).message };
  }
  if (values.help) return { help: true };
  const url = (values.url || env.MENTORBOT_URL || DEFAULT_URL).trim().replace(/\/+$/, '');
  if (!/^https?:\/\/[^\s/]+/.test(url)) return { error: `--url must be an http(s) address, got "${url}"` };
  return { url };
}

export const USAGE = `Brug: npm run chat [-- --url http://localhost:3978]
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
      return `Kan ikke få forbindelse til Mentorbot på ${f.url}. Start serveren først med \`npm start\` i et andet vindue.\n` +
        `Cannot reach Mentorbot at ${f.url}. Start the server first with \`npm start\` in another window.`;
    case 'timeout':
      return `Mentorbot svarede ikke inden for ${f.seconds} sekunder. Prøv igen.\nMentorbot did not answer within ${f.seconds} seconds. Try again.`;
    case 'unauthorized':
      return 'Serveren afviste beskeden (401). Den har MicrosoftAppId sat, så den tager kun imod trafik fra Bot Framework. ' +
        'Start den uden MicrosoftAppId for at chatte her.\n' +
        'The server refused the message (401). It has MicrosoftAppId set, so it only accepts Bot Framework traffic. ' +
        'Start it without MicrosoftAppId to chat here.';
    case 'status':
      return `Serveren svarede med status ${f.status}: ${brief(f.body)}\nThe server answered with status ${f.status}.`;
    case 'bad-reply':
      return `Serveren svarede, men ikke med bottens svar: ${brief(f.body)}\n` +
        'The server answered, but not with the bot\'s replies (is deliveryMode "expectReplies" supported?).';
  }
}

function brief(body: string): string {
  const oneLine = body.replace(/\s+/g, ' ').trim();
  if (!oneLine) return '(tomt svar / empty body)';
  return oneLine.length > 200 ? `${oneLine.slice(0, 200)}…` : oneLine;
}
