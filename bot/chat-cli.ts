/**
 * npm run chat: talk to a running Mentorbot from the terminal. One conversation per run, over POST /api/messages with
 * deliveryMode "expectReplies", so the replies come back in the HTTP answer. Works with stdin as a pipe too (one line
 * per turn, ends at EOF), so it can be scripted. Exits 1 when a turn failed.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import {
  type ChatAction,
  type ChatSession,
  type Failure,
  LetterBook,
  type ReplyActivity,
  type RequestActivity,
  USAGE,
  chatOptions,
  conversationUpdate,
  describeFailure,
  interpretInput,
  renderTurn,
  userMessage,
} from './chat-format.js';
import { projectRoot } from '../knowledge/paths.js';

const TIMEOUT_SECONDS = 30;

class TurnFailed extends Error {
  constructor(readonly failure: Failure) {
    super(describeFailure(failure));
  }
}

/** Sends one activity and returns the bot's replies of that turn; a failure becomes a TurnFailed. */
async function post(url: string, activity: RequestActivity): Promise<ReplyActivity[]> {
  let res: Response;
  try {
    res = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(TIMEOUT_SECONDS * 1000),
    });
  } catch (e) {
    const name = (e as Error).name;
    throw new TurnFailed(
      name === 'TimeoutError' || name === 'AbortError'
        ? { kind: 'timeout', seconds: TIMEOUT_SECONDS }
        : { kind: 'unreachable', url },
    );
  }
  const body = await res.text().catch(() => '');
  if (res.status === 401) throw new TurnFailed({ kind: 'unauthorized' });
  if (res.status !== 200) throw new TurnFailed({ kind: 'status', status: res.status, body });
  try {
    const parsed = JSON.parse(body) as { activities?: unknown };
    if (Array.isArray(parsed.activities)) return parsed.activities as ReplyActivity[];
  } catch {
    // Not JSON: reported below.
  }
  throw new TurnFailed({ kind: 'bad-reply', body });
}

async function main(): Promise<number> {
  // PORT and HOST as the server reads them: the environment, then .env in the project folder.
  const envFile = join(projectRoot(), '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  const options = chatOptions(process.argv.slice(2), process.env);
  if ('help' in options) {
    console.log(USAGE);
    return 0;
  }
  if ('error' in options) {
    console.error(`${options.error}\n\n${USAGE}`);
    return 2;
  }
  const session: ChatSession = { conversationId: randomUUID(), userId: `user-${randomUUID()}` };
  const tty = process.stdin.isTTY === true;
  let actions: ChatAction[] = [];
  let keys: string[] = [];
  const letters = new LetterBook();
  let failed = false;

  /** Plays one turn and prints the replies; returns false (after printing why) when it failed. */
  const turn = async (activity: RequestActivity): Promise<boolean> => {
    try {
      const view = renderTurn(await post(options.url, activity), letters);
      if (view.text) console.log(view.text);
      actions = view.actions;
      keys = view.keys;
      return true;
    } catch (e) {
      if (!(e instanceof TurnFailed)) throw e;
      console.error(e.message);
      failed = true;
      return false;
    }
  };

  if (tty)
    console.log(
      `Forbundet til ${options.url}. Skriv et bogstav (a, b, c ...) for at vælge et forslag; /quit slutter. (Type a letter to pick a suggestion; /quit to quit.)\n`,
    );
  if (!(await turn(conversationUpdate(session, randomUUID())))) return 1;

  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: tty });
  rl.on('SIGINT', () => rl.close());
  rl.setPrompt('Du: ');
  if (tty) rl.prompt();
  for await (const line of rl) {
    if (line.trim() === '/quit') break;
    const input = interpretInput(line, actions, keys);
    if (input) {
      // A piped line is not echoed by a terminal, so print it to keep the transcript readable.
      if (!tty) console.log(`Du: ${line.trim()}`);
      if ('open' in input) {
        console.log(`Åbn / open: ${input.open}`);
      } else {
        if (input.picked) console.log(`  → ${input.send}`);
        await turn(userMessage(session, randomUUID(), input.send));
      }
    }
    if (tty) rl.prompt();
  }
  rl.close();
  if (tty) console.log('\nFarvel. / Goodbye.');
  return failed ? 1 : 0;
}

process.exitCode = await main();
