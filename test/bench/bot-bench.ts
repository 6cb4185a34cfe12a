/**
 * The bot benchmark: what a conversation turn costs our bot, next to two anchors in the same run:
 * - the bare waterfall (baseline-bot.ts): the smallest honest botbuilder bot, on MemoryStorage;
 * - the I/O-equivalent bare bot (baseline-bot.ts with IO_SCRIPT): the same waterfall, but sending for every turn the
 *   replies our bot sent (same number, same bytes) and keeping state of the size ours kept, in our SQLite storage.
 *   Ours against it measures our own logic; ours against the bare waterfall measures everything we add.
 * All three play the same requests (bot-mix.ts, with one 40-turn conversation). Each round starts every bot as a
 * fresh process, in an order that rotates from round to round, warms it up by a number of turns, then measures:
 * full-load capacity (closed loop), a fixed rate, 50 connections, and the long conversation turn by turn. The server
 * runs on its own core where the machine has two or more (taskset), the load generator on another. Figures are
 * medians over the rounds with their range; the ratios are taken per round, then their median.
 * Before the rounds, the mix is played once against our bot to record what the I/O-equivalent bot replays.
 *
 * node dist/test/bench/bot-bench.js [--rounds 5] [--warmup 600] [--turns 2500] [--connections 8] [--rate 100]
 *   [--rate-seconds 5] [--wide-turns 1500] [--long 5] [--memory 1000] [--no-pin]
 * Linux only (/proc). Needs the build and the knowledge bundle (npm run kb:build). Exit 1 on any failed turn.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { type ChatSession, conversationUpdate, userMessage } from '../../bot/chat-format.js';
import { freePort } from '../helpers.js';
import {
  type Spread,
  conversationRequests,
  formatSpread,
  formatTable,
  newTally,
  parseProcStat,
  parseSchedstat,
  spread,
  verdict,
} from './bench-lib.js';
import { BOT_MIX, type Conversation, EARLY_TURN, LATE_TURN, LONG_CONVERSATION, WELCOME } from './bot-mix.js';
import { type IoScript, WELCOME_KEY, turnKey } from './io-script.js';
import { type CpuProfile, componentTimes } from './profile-lib.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The goals (npm run bench; never a timed test). */
export const GOALS = {
  cpuVsIoEquivalent: 1.25,
  cpuVsBare: 1.6,
  lateVsEarlyTurn: 1.1,
  p99VsBareAt50: 2,
  firstAnswerMs: 1000,
  memoryVsBare: 1.3,
};

interface Bot {
  key: 'ours' | 'io' | 'bare';
  label: string;
  script: string;
  /** The SQLite file in the data folder whose state sizes the bench reports. */
  store?: string;
}

const BOTS: Bot[] = [
  { key: 'ours', label: 'Mentorbot', script: 'dist/bot/main.js', store: 'mentorbot.sqlite' },
  {
    key: 'io',
    label: 'I/O-equivalent bare bot',
    script: 'dist/test/bench/baseline-bot.js',
    store: 'io-equivalent.sqlite',
  },
  { key: 'bare', label: 'bare waterfall', script: 'dist/test/bench/baseline-bot.js' },
];

class BenchFailure extends Error {}

interface Settings {
  rounds: number;
  warmup: number;
  turns: number;
  connections: number;
  rate: number;
  rateSeconds: number;
  wideTurns: number;
  long: number;
  memory: number;
  profileTurns: number;
  /** The CPUs the servers run on (taskset -c), or null when not pinned. */
  serverCpus: string | null;
}

const children = new Set<ChildProcess>();
const tempDirs: string[] = [];
let running: autocannon.Instance | undefined;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Server {
  child: ChildProcess;
  pid: number;
  url: string;
  dataDir: string;
  /** Milliseconds from spawn to the first answered welcome. */
  firstAnswerMs: number;
  output: () => string;
}

async function startServer(bot: Bot, s: Settings, ioScript: string | null, nodeFlags: string[] = []): Promise<Server> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'mentorbot-bench-'));
  tempDirs.push(dataDir);
  // The load comes from one address at hundreds of turns a second: the rate limits are off for the measurement.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    RATE_LIMIT_PER_ADDRESS: '0',
    RATE_LIMIT_PER_CONVERSATION: '0',
  };
  delete env.IO_SCRIPT;
  delete env.DATABASE_URL;
  if (bot.key === 'io' && ioScript) env.IO_SCRIPT = ioScript;
  for (const name of Object.keys(env)) if (/^MicrosoftApp/i.test(name)) delete env[name];
  const node = [process.execPath, ...nodeFlags, resolve(ROOT, bot.script)];
  const [command, ...args] = s.serverCpus ? ['taskset', '-c', s.serverCpus, ...node] : node;
  const started = performance.now();
  const child = spawn(command!, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  let tail = '';
  const keep = (d: Buffer) => (tail = (tail + d.toString('utf8')).slice(-2000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.on('exit', () => children.delete(child));
  const url = `http://127.0.0.1:${port}`;
  const output = () => tail.trim();
  // The first answer: a welcome, sent again every 10 ms until one is answered.
  const session: ChatSession = { conversationId: randomUUID(), userId: `user-${randomUUID()}`, channelId: 'emulator' };
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new BenchFailure(`${bot.label} exited before it answered:\n${output()}`);
    const status = await post(url, conversationUpdate(session, randomUUID())).then(
      (r) => r.status,
      () => 0,
    );
    if (status === 200) break;
    if (performance.now() - started > 30_000) throw new BenchFailure(`${bot.label} did not answer within 30 s`);
    await sleep(10);
  }
  return { child, pid: child.pid!, url, dataDir, firstAnswerMs: performance.now() - started, output };
}

function post(url: string, activity: object): Promise<{ status: number; body: string }> {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
    signal: AbortSignal.timeout(10_000),
  }).then(async (r) => ({ status: r.status, body: await r.text() }));
}

async function stopServer(server: Server): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise((r) => server.child.once('exit', r));
  server.child.kill('SIGTERM');
  await Promise.race([exited, sleep(3000)]);
  if (server.child.exitCode === null && server.child.signalCode === null) server.child.kill('SIGKILL');
}

/** A process's CPU time in clock ticks (all its threads, dead ones included). */
function cpuTicks(pid: number): number {
  const s = parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  return s.utime + s.stime;
}

/** A process's CPU time in nanoseconds, summed over its live threads: fine enough for one turn. */
function cpuNs(pid: number): number {
  let ns = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      ns += parseSchedstat(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8'));
    } catch {
      // the thread ended meanwhile
    }
  }
  return ns;
}

function rssMiB(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return Number(kb ?? 0) / 1024;
}

function cannon(url: string, options: Partial<autocannon.Options>, label: string): Promise<autocannon.Result> {
  const tally = newTally();
  return new Promise<autocannon.Result>((resolvePromise, reject) => {
    running = autocannon(
      {
        url: `${url}/api/messages`,
        timeout: 20,
        requests: conversationRequests(BOT_MIX, tally),
        ...options,
      } as autocannon.Options,
      (error, result) => {
        running = undefined;
        if (error) reject(error);
        else resolvePromise(Object.assign(result, { tally }));
      },
    );
  }).then((result) => {
    if (result.non2xx > 0 || result.errors > 0 || result.requests.total === 0) {
      throw new BenchFailure(
        `${label}: ${result.non2xx} non-2xx answers, ${result.errors} connection errors, ${result.requests.total} turns`,
      );
    }
    return result;
  });
}

const tallyOf = (r: autocannon.Result) => (r as autocannon.Result & { tally: ReturnType<typeof newTally> }).tally;

/** What one bot did in one round. */
interface RoundFigures {
  firstAnswerMs: number;
  cpuMsPerTurn: number;
  turnsPerSecond: number;
  p50: number;
  p99: number;
  rateCpuMsPerTurn: number;
  rateP50: number;
  rateP99: number;
  wideP99: number;
  earlyTurnMs: number;
  lateTurnMs: number;
  messagesPerTurn: number;
  bytesPerTurn: number;
  /** Mean bytes of a conversation's state, and of its transcript rows, in the store at the end (SQLite bots). */
  stateBytes: number;
  transcriptBytes: number;
}

async function measureRound(bot: Bot, s: Settings, ioScript: string): Promise<RoundFigures> {
  const server = await startServer(bot, s, ioScript);
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    const load = { connections: s.connections };
    await cannon(server.url, { ...load, amount: s.warmup }, `${bot.label}, warm-up`);
    // Full load: as many turns a second as the server can take.
    let before = cpuTicks(server.pid);
    const full = await cannon(server.url, { ...load, amount: s.turns }, `${bot.label}, full load`);
    const fullTicks = cpuTicks(server.pid) - before;
    // A fixed rate, well below every bot's capacity.
    before = cpuTicks(server.pid);
    const fixed = await cannon(
      server.url,
      { ...load, overallRate: s.rate, duration: s.rateSeconds },
      `${bot.label}, fixed rate`,
    );
    const fixedTicks = cpuTicks(server.pid) - before;
    // 50 connections at once.
    const wide = await cannon(server.url, { connections: 50, amount: s.wideTurns }, `${bot.label}, 50 connections`);
    // The long conversation, one turn at a time, each turn's CPU read from the threads' schedstat.
    const early: number[] = [];
    const late: number[] = [];
    for (let i = 0; i < s.long; i++) {
      const perTurn = await playAlone(server, LONG_CONVERSATION);
      early.push(perTurn[EARLY_TURN - 1]!);
      late.push(perTurn[LATE_TURN - 1]!);
    }
    const store = bot.store ? storeSizes(join(server.dataDir, bot.store)) : { state: NaN, transcript: NaN };
    const fullTally = tallyOf(full);
    const turnMs = (t: number, turns: number) => (t * 1000) / ticks / turns;
    return {
      firstAnswerMs: server.firstAnswerMs,
      cpuMsPerTurn: turnMs(fullTicks, full.requests.total),
      turnsPerSecond: full.requests.total / full.duration,
      p50: full.latency.p50,
      p99: full.latency.p99,
      rateCpuMsPerTurn: turnMs(fixedTicks, fixed.requests.total),
      rateP50: fixed.latency.p50,
      rateP99: fixed.latency.p99,
      wideP99: wide.latency.p99,
      earlyTurnMs: spread(early).median,
      lateTurnMs: spread(late).median,
      messagesPerTurn: fullTally.messages / full.requests.total,
      bytesPerTurn: fullTally.bytes / full.requests.total,
      stateBytes: store.state,
      transcriptBytes: store.transcript,
    };
  } finally {
    await stopServer(server);
  }
}

/** Plays one conversation alone, turn after turn; the server's CPU milliseconds of each turn. */
async function playAlone(server: Server, conversation: Conversation): Promise<number[]> {
  const session: ChatSession = { conversationId: randomUUID(), userId: `user-${randomUUID()}`, channelId: 'emulator' };
  const ms: number[] = [];
  for (const turn of conversation) {
    const activity =
      turn === WELCOME ? conversationUpdate(session, randomUUID()) : userMessage(session, randomUUID(), turn);
    const before = cpuNs(server.pid);
    const { status } = await post(server.url, activity);
    ms.push((cpuNs(server.pid) - before) / 1e6);
    if (status !== 200) throw new BenchFailure(`the long conversation got ${status}`);
  }
  return ms;
}

/** Mean bytes of a conversation's state, and of its transcript rows where the store keeps them apart. */
function storeSizes(file: string): { state: number; transcript: number } {
  if (!existsSync(file)) return { state: NaN, transcript: NaN };
  const db = new Database(file, { readonly: true });
  try {
    const state = db.prepare(`SELECT avg(length(value)) AS n FROM items WHERE key LIKE '%/conversations/%/'`).get() as {
      n: number | null;
    };
    const hasTranscripts = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'transcripts'`).get();
    const transcript = hasTranscripts
      ? (
          db
            .prepare('SELECT avg(n) AS n FROM (SELECT sum(length(line)) AS n FROM transcripts GROUP BY conversation)')
            .get() as { n: number | null }
        ).n
      : 0;
    return { state: state.n ?? NaN, transcript: transcript ?? 0 };
  } finally {
    db.close();
  }
}

/**
 * Plays the mix once against our bot and records, turn by turn, what it sent back and how much state it kept: the
 * script the I/O-equivalent bot replays. Says so when turn 40 did not answer like turn 3.
 */
async function record(s: Settings): Promise<IoScript> {
  const ours = BOTS[0]!;
  const server = await startServer(ours, { ...s, serverCpus: null }, null);
  const script: IoScript = {};
  try {
    const db = new Database(join(server.dataDir, ours.store!), { readonly: true });
    const size = (key: string) =>
      (db.prepare('SELECT length(value) AS n FROM items WHERE key = ?').get(key) as { n: number } | undefined)?.n ?? 0;
    const hasTranscripts = () => db.prepare(`SELECT 1 FROM sqlite_master WHERE name = 'transcripts'`).get();
    const transcriptSize = (key: string) =>
      hasTranscripts()
        ? (db
            .prepare(
              'SELECT count(*) AS lines, coalesce(sum(length(line)), 0) AS bytes FROM transcripts WHERE conversation = ?',
            )
            .get(key) as { lines: number; bytes: number })
        : { lines: 0, bytes: 0 };
    for (const conversation of BOT_MIX) {
      const session: ChatSession = {
        conversationId: randomUUID(),
        userId: `user-${randomUUID()}`,
        channelId: 'emulator',
      };
      const conversationKey = `emulator/conversations/${session.conversationId}/`;
      let key = WELCOME_KEY;
      let transcript = { lines: 0, bytes: 0 };
      const texts: string[] = [];
      for (const turn of conversation) {
        const activity =
          turn === WELCOME ? conversationUpdate(session, randomUUID()) : userMessage(session, randomUUID(), turn);
        if (turn !== WELCOME) key = turnKey(key, turn);
        const { status, body } = await post(server.url, activity);
        if (status !== 200) throw new BenchFailure(`recording: "${String(turn.toString())}" got ${status}`);
        const replies = (JSON.parse(body) as { activities?: Record<string, unknown>[] }).activities ?? [];
        texts.push(replies.map((r) => String(r.text ?? '')).join('\n'));
        const transcriptNow = transcriptSize(conversationKey);
        script[key] ??= {
          replies,
          conversationBytes: size(conversationKey),
          userBytes: size(`emulator/users/${session.userId}/`),
          transcriptBytes: transcriptNow.bytes - transcript.bytes,
          transcriptLines: transcriptNow.lines - transcript.lines,
        };
        transcript = transcriptNow;
      }
      if (conversation === LONG_CONVERSATION && texts[EARLY_TURN - 1] !== texts[LATE_TURN - 1]) {
        console.log(`Note: turn ${LATE_TURN} of the long conversation was not answered as turn ${EARLY_TURN} was.`);
      }
    }
    db.close();
  } finally {
    await stopServer(server);
  }
  return script;
}

/** CPU milliseconds per turn by component, from a CPU profile of `turns` turns of the mix after the warm-up. */
async function profileRun(bot: Bot, s: Settings, ioScript: string): Promise<Map<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'mentorbot-profile-'));
  tempDirs.push(dir);
  const server = await startServer(bot, s, ioScript, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const microseconds = () => Number(process.hrtime.bigint() / 1000n);
  const window = await (async () => {
    try {
      await cannon(server.url, { connections: s.connections, amount: s.warmup }, `${bot.label}, warm-up`);
      const from = microseconds();
      const run = await cannon(
        server.url,
        { connections: s.connections, amount: s.profileTurns },
        `${bot.label}, profile`,
      );
      return { from, to: microseconds(), turns: run.requests.total };
    } finally {
      await stopServer(server);
    }
  })();
  const { from, to, turns } = window;
  for (let waited = 0; waited < 5000; waited += 100) {
    const file = readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    if (file) {
      const profile = JSON.parse(readFileSync(join(dir, file), 'utf8')) as CpuProfile;
      const times = componentTimes(profile, from, to);
      const perTurn = new Map<string, number>();
      for (const [name, ms] of times) perTurn.set(name, ms / turns);
      return perTurn;
    }
    await sleep(100);
  }
  throw new BenchFailure(`${bot.label} wrote no CPU profile`);
}

/** RSS after `conversations` conversations of the mix on 8 connections, in a fresh process. */
async function memoryAfter(bot: Bot, s: Settings, ioScript: string): Promise<number> {
  const server = await startServer(bot, s, ioScript);
  try {
    const turns = BOT_MIX.reduce((n, c) => n + c.length, 0);
    const amount = Math.ceil(s.memory / BOT_MIX.length) * turns;
    await cannon(server.url, { connections: s.connections, amount }, `${bot.label}, memory`);
    await sleep(500);
    return rssMiB(server.pid);
  } finally {
    await stopServer(server);
  }
}

function settingsFrom(argv: string[]): Settings {
  const { values } = parseArgs({
    args: argv,
    options: {
      rounds: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '600' },
      turns: { type: 'string', default: '2500' },
      connections: { type: 'string', default: '8' },
      rate: { type: 'string', default: '100' },
      'rate-seconds': { type: 'string', default: '5' },
      'wide-turns': { type: 'string', default: '1500' },
      long: { type: 'string', default: '5' },
      memory: { type: 'string', default: '1000' },
      'profile-turns': { type: 'string', default: '2000' },
      'no-pin': { type: 'boolean', default: false },
    },
  });
  const whole = (name: keyof typeof values, min: number) => {
    const n = Number(values[name]);
    if (!Number.isInteger(n) || n < min) throw new BenchFailure(`--${name} needs a whole number ≥ ${min}`);
    return n;
  };
  const cores = cpus().length;
  return {
    rounds: whole('rounds', 1),
    warmup: whole('warmup', 1),
    turns: whole('turns', 1),
    connections: whole('connections', 1),
    rate: whole('rate', 1),
    rateSeconds: whole('rate-seconds', 1),
    wideTurns: whole('wide-turns', 50),
    long: whole('long', 1),
    memory: whole('memory', 0),
    profileTurns: whole('profile-turns', 0),
    // The servers on the last core, the bench and its load generator on the others.
    serverCpus: !values['no-pin'] && cores >= 2 ? String(cores - 1) : null,
  };
}

async function main(): Promise<void> {
  const s = settingsFrom(process.argv.slice(2));
  if (s.serverCpus) execFileSync('taskset', ['-cp', `0-${Number(s.serverCpus) - 1}`, String(process.pid)]);
  const mixTurns = BOT_MIX.reduce((n, c) => n + c.length, 0);
  console.log(
    `Bot benchmark: ${s.rounds} rounds, the bots alternated in a rotating order, a fresh process per bot and round.\n` +
      `Mix: ${BOT_MIX.length} conversations, ${mixTurns} turns (one of ${LONG_CONVERSATION.length}), the same requests for every bot. ` +
      `Warm-up ${s.warmup} turns; full load ${s.turns} turns on ${s.connections} connections; ${s.rate} turns/s for ` +
      `${s.rateSeconds} s; ${s.wideTurns} turns on 50 connections; the long conversation ${s.long} times alone.\n` +
      `Machine: ${cpus()[0]?.model ?? 'unknown'} x ${cpus().length}, Node ${process.version}; ` +
      (s.serverCpus ? `servers on CPU ${s.serverCpus}, the load generator on the others.` : 'not pinned.'),
  );
  process.stdout.write('Recording what our bot sends and keeps, for the I/O-equivalent bot … ');
  const script = await record(s);
  const dir = mkdtempSync(join(tmpdir(), 'mentorbot-io-'));
  tempDirs.push(dir);
  const scriptFile = join(dir, 'io-script.json');
  writeFileSync(scriptFile, JSON.stringify(script));
  console.log(`${Object.keys(script).length} distinct turns.`);

  const figures = new Map<Bot['key'], RoundFigures[]>(BOTS.map((b) => [b.key, []]));
  for (let round = 0; round < s.rounds; round++) {
    const order = BOTS.map((_b, i) => BOTS[(i + round) % BOTS.length]!);
    process.stdout.write(`Round ${round + 1}: `);
    for (const bot of order) {
      process.stdout.write(`${bot.key} … `);
      figures.get(bot.key)!.push(await measureRound(bot, s, scriptFile));
    }
    const [o, io, bare] = BOTS.map((b) => figures.get(b.key)![round]!);
    console.log(
      `CPU/turn ours ${o!.cpuMsPerTurn.toFixed(3)}, I/O-eq ${io!.cpuMsPerTurn.toFixed(3)}, bare ${bare!.cpuMsPerTurn.toFixed(3)} ms`,
    );
  }

  const memory = new Map<Bot['key'], number>();
  if (s.memory > 0) {
    process.stdout.write(`Memory after ${s.memory} conversations: `);
    for (const bot of BOTS) {
      process.stdout.write(`${bot.key} … `);
      memory.set(bot.key, await memoryAfter(bot, s, scriptFile));
    }
    console.log('done');
  }
  const profiles = new Map<Bot['key'], Map<string, number>>();
  if (s.profileTurns > 0) {
    process.stdout.write(`CPU profiles of ${s.profileTurns} turns: `);
    for (const bot of BOTS) {
      process.stdout.write(`${bot.key} … `);
      profiles.set(bot.key, await profileRun(bot, s, scriptFile));
    }
    console.log('done');
  }
  console.log('\n' + report(figures, memory, s));
  if (profiles.size > 0) console.log('\n' + breakdown(profiles));
}

/** The per-component table of the CPU profiles, largest first by our bot's share. */
function breakdown(profiles: Map<Bot['key'], Map<string, number>>): string {
  const names = [...new Set([...profiles.values()].flatMap((p) => [...p.keys()]))];
  const ours = profiles.get('ours') ?? new Map<string, number>();
  names.sort((a, b) => (ours.get(b) ?? 0) - (ours.get(a) ?? 0));
  const cell = (key: Bot['key'], name: string) => (profiles.get(key)?.get(name) ?? 0).toFixed(3);
  const total = (key: Bot['key']) => [...(profiles.get(key)?.values() ?? [])].reduce((a, b) => a + b, 0).toFixed(3);
  const rows = [
    ['CPU ms per turn, by component (one profiled run)', ...BOTS.map((b) => b.label)],
    ...names.map((name) => [name, ...BOTS.map((b) => cell(b.key, name))]),
    ['total (profiled; idle left out)', ...BOTS.map((b) => total(b.key))],
  ];
  return formatTable(rows);
}

/** The tables and the verdicts against the goals. */
function report(figures: Map<Bot['key'], RoundFigures[]>, memory: Map<Bot['key'], number>, s: Settings): string {
  const of = (key: Bot['key'], pick: (f: RoundFigures) => number): Spread => spread(figures.get(key)!.map(pick));
  const perRound = (pick: (f: RoundFigures) => number, a: Bot['key'], b: Bot['key']): Spread =>
    spread(figures.get(a)!.map((f, i) => pick(f) / pick(figures.get(b)![i]!)));
  const columns: [string, (f: RoundFigures) => number, number][] = [
    ['CPU ms/turn', (f) => f.cpuMsPerTurn, 3],
    ['turns/s', (f) => f.turnsPerSecond, 0],
    ['p50 ms', (f) => f.p50, 0],
    ['p99 ms', (f) => f.p99, 0],
    [`CPU ms/turn @${s.rate}/s`, (f) => f.rateCpuMsPerTurn, 3],
    [`p99 ms @${s.rate}/s`, (f) => f.rateP99, 0],
    ['p99 ms @50 conn', (f) => f.wideP99, 0],
    ['first answer ms', (f) => f.firstAnswerMs, 0],
    [`turn ${EARLY_TURN} ms`, (f) => f.earlyTurnMs, 2],
    [`turn ${LATE_TURN} ms`, (f) => f.lateTurnMs, 2],
  ];
  const lines: string[] = [];
  lines.push(`Per bot, median (lowest-highest) of ${s.rounds} rounds:`);
  const table = formatTable([
    ['', ...BOTS.map((b) => b.label)],
    ...columns.map(([name, pick, digits]) => [name, ...BOTS.map((b) => formatSpread(of(b.key, pick), digits))]),
  ]);
  lines.push(...table.split('\n').map((l) => `  ${l}`));
  const first = (key: Bot['key']) => figures.get(key)![0]!;
  lines.push('', 'What each bot sent and kept (round 1):');
  for (const b of BOTS) {
    const f = first(b.key);
    lines.push(
      `  ${b.label.padEnd(24)} ${f.messagesPerTurn.toFixed(2)} messages and ${f.bytesPerTurn.toFixed(0)} bytes per answer` +
        (Number.isFinite(f.stateBytes)
          ? `; a conversation's state ${f.stateBytes.toFixed(0)} bytes, its transcript rows ${f.transcriptBytes.toFixed(0)} bytes`
          : '; state in memory'),
    );
  }
  const cpuIo = perRound((f) => f.cpuMsPerTurn, 'ours', 'io');
  const cpuBare = perRound((f) => f.cpuMsPerTurn, 'ours', 'bare');
  const rateIo = perRound((f) => f.rateCpuMsPerTurn, 'ours', 'io');
  const rateBare = perRound((f) => f.rateCpuMsPerTurn, 'ours', 'bare');
  const wide = perRound((f) => f.wideP99, 'ours', 'bare');
  const lateEarly = of('ours', (f) => f.lateTurnMs / f.earlyTurnMs);
  const firstAnswer = of('ours', (f) => f.firstAnswerMs);
  lines.push('', 'Ratios, taken per round: median (lowest-highest), against the goals:');
  lines.push(
    `  CPU per turn, ours / I/O-equivalent, full load: ${formatSpread(cpuIo)}  (goal ≤ ${GOALS.cpuVsIoEquivalent}: ${verdict(cpuIo.median, GOALS.cpuVsIoEquivalent)})`,
  );
  lines.push(
    `  CPU per turn, ours / bare waterfall, full load: ${formatSpread(cpuBare)}  (goal ≤ ${GOALS.cpuVsBare}: ${verdict(cpuBare.median, GOALS.cpuVsBare)})`,
  );
  lines.push(
    `  CPU per turn at ${s.rate} turns/s: ours / I/O-equivalent ${formatSpread(rateIo)}, ours / bare ${formatSpread(rateBare)}`,
  );
  lines.push(
    `  p99 at 50 connections, ours / bare: ${formatSpread(wide)}  (goal ≤ ${GOALS.p99VsBareAt50}: ${verdict(wide.median, GOALS.p99VsBareAt50)})`,
  );
  lines.push(
    `  Turn ${LATE_TURN} / turn ${EARLY_TURN} of the long conversation, ours: ${formatSpread(lateEarly)}  (goal ≤ ${GOALS.lateVsEarlyTurn}: ${verdict(lateEarly.median, GOALS.lateVsEarlyTurn)})`,
  );
  lines.push(
    `  First answer after process start, ours: ${formatSpread(firstAnswer, 0)} ms  (goal ≤ ${GOALS.firstAnswerMs} ms: ${verdict(firstAnswer.median, GOALS.firstAnswerMs)})`,
  );
  if (memory.size > 0) {
    const ratio = memory.get('ours')! / memory.get('bare')!;
    lines.push(
      `  RSS after ${s.memory} conversations: ours ${memory.get('ours')!.toFixed(0)} MiB, I/O-equivalent ${memory.get('io')!.toFixed(0)} MiB, ` +
        `bare ${memory.get('bare')!.toFixed(0)} MiB; ours / bare ${ratio.toFixed(2)}  (goal ≤ ${GOALS.memoryVsBare}: ${verdict(ratio, GOALS.memoryVsBare)})`,
    );
  }
  return lines.join('\n');
}

function cleanUp(): void {
  running?.stop();
  for (const child of children) child.kill('SIGKILL');
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
}

process.on('exit', cleanUp);
process.on('SIGINT', () => {
  console.error('\nInterrupted; stopping the bots.');
  cleanUp();
  process.exit(130);
});
process.on('SIGTERM', () => {
  cleanUp();
  process.exit(143);
});

try {
  await main();
} catch (e) {
  console.error(`\nBENCH FAILED: ${e instanceof BenchFailure ? e.message : e instanceof Error ? e.stack : String(e)}`);
  process.exitCode = 1;
} finally {
  cleanUp();
}
