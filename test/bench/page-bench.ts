/**
 * Page benchmark: how fast a citizen sees the welcome, and how many bytes the page costs.
 * Starts the real server (`node dist/bot/main.js`, state in memory) as a child process, opens the demo page in
 * headless Chromium N times, each in a fresh browser context (empty cache), and prints the time from navigation
 * start to the welcome message on screen (median, min, max) and the bytes transferred (encoded, as on the wire).
 * Goal: the welcome within 1.5 s locally. Run after a build: node dist/test/bench/page-bench.js [--runs 7]
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { projectRoot } from '../../knowledge/paths.js';
import { WELCOME, launchBrowser } from '../browser/harness.js';

const GOAL_MS = 1500;
const ROOT = projectRoot();

function runsFromArgs(): number {
  const i = process.argv.indexOf('--runs');
  const n = i >= 0 ? Number(process.argv[i + 1]) : 7;
  if (!Number.isInteger(n) || n < 1) throw new Error(`--runs must be a whole number of at least 1, got "${process.argv[i + 1]}"`);
  return n;
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1', STORAGE: 'memory', LOG_LEVEL: 'warn' };
  for (const name of Object.keys(env)) if (/^MicrosoftApp/i.test(name)) delete env[name];
  const child = spawn(process.execPath, [resolve(ROOT, 'dist/bot/main.js')], { cwd: ROOT, env, stdio: ['ignore', 'ignore', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('The server exited before it was ready');
    const status = await fetch(`${url}/readyz`).then((r) => r.status, () => 0);
    if (status === 200) return { child, url };
    if (Date.now() > deadline) throw new Error('The server did not answer /readyz within 30 s');
    await sleep(100);
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main(): Promise<void> {
  const runs = runsFromArgs();
  const server = await startServer();
  const browser = await launchBrowser();
  const times: number[] = [];
  const bytes: number[] = [];
  let biggest: [string, number][] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ locale: 'da-DK', viewport: { width: 1280, height: 860 } });
      const page = await context.newPage();
      // Notes the moment (ms since navigation start) the welcome first appears in a chat bubble.
      await page.addInitScript((welcome) => {
        const w = window as unknown as { welcomeAt?: number };
        new MutationObserver((_m, observer) => {
          const bubbles = document.querySelectorAll('.webchat__bubble__content');
          for (const b of Array.from(bubbles)) {
            if (b.textContent?.includes(welcome)) {
              w.welcomeAt = performance.now();
              observer.disconnect();
              return;
            }
          }
        }).observe(document, { childList: true, subtree: true, characterData: true });
      }, WELCOME);
      const sizes: Promise<[string, number]>[] = [];
      page.on('requestfinished', (request) => {
        sizes.push(request.sizes().then((s) => [new URL(request.url()).pathname, s.responseBodySize + s.responseHeadersSize]));
      });
      await page.goto(`${server.url}/`);
      await page.waitForFunction(() => (window as unknown as { welcomeAt?: number }).welcomeAt !== undefined, null, { timeout: 30_000 });
      times.push(await page.evaluate(() => (window as unknown as { welcomeAt: number }).welcomeAt));
      await page.waitForLoadState('networkidle').catch(() => undefined);
      const done = await Promise.all(sizes);
      bytes.push(done.reduce((sum, [, n]) => sum + n, 0));
      biggest = done.sort((a, b) => b[1] - a[1]).slice(0, 4);
      await context.close();
    }
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
  }
  const m = median(times);
  const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
  console.log(`Page: ${runs} loads of / in headless Chromium, each in a fresh context (empty cache)`);
  console.log(`  welcome shown after  median ${m.toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms  (goal < ${GOAL_MS} ms: ${m < GOAL_MS ? 'met' : 'NOT met'})`);
  console.log(`  bytes transferred    median ${kib(median(bytes))} (encoded, headers included); largest: ${biggest.map(([p, n]) => `${p} ${kib(n)}`).join(', ')}`);
}

main().catch((e: unknown) => {
  console.error(`page-bench failed: ${(e as Error).message}`);
  process.exitCode = 1;
});
