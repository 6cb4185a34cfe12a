import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { MemoryStorage } from 'botbuilder';
import express from 'express';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page, chromium } from 'playwright-core';
import { createApp } from '../../bot/app.js';
import { readConfig } from '../../bot/config.js';
import { createBotRuntime } from '../../bot/runtime.js';
import { createWebChat } from '../../bot/webchat/index.js';
import { knowledgeBase, listen } from '../helpers.js';

/** Debian's Chromium (apt-get install chromium); .ci/run installs it. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Text the welcome holds in Danish and what a reply in English holds. */
export const WELCOME = 'Jeg er Mentorbot';

/**
 * Launches headless Chromium. Throws (never skips) when the browser is missing: the browser tests are part of the
 * suite and CI must run them.
 */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it: apt-get install -y --no-install-recommends chromium (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

export interface ChatServer {
  url: string;
  close(): Promise<void>;
}

/** Our server, plus a way to send a message to a conversation outside a turn (as a caseworker's arrives). */
export interface BotServer extends ChatServer {
  push(conversationId: string, text: string): Promise<void>;
}

/** Our whole server (bot, web chat routes, page) in this process on a free loopback port, state in memory. */
export async function startServer(env: Record<string, string> = {}): Promise<BotServer> {
  const config = readConfig({ LOG_LEVEL: 'silent', STORAGE: 'memory', ...env });
  const runtime = createBotRuntime(config, knowledgeBase(), { storage: new MemoryStorage() });
  const webchat = createWebChat(config, runtime.parts);
  const server = await listen(
    createApp(knowledgeBase(), runtime, { webchat, config: config.webchat }),
    webchat.upgrade,
  );
  return {
    url: server.url,
    push: async (conversationId, text) => {
      const reference = {
        channelId: 'webchat',
        serviceUrl: 'urn:mentorbot:webchat',
        conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
        bot: { id: 'mentorbot', name: 'Mentorbot' },
      };
      await webchat.adapter.continueConversation(reference, async (context) => {
        await context.sendActivity(text);
      });
    },
    close: async () => {
      await webchat.close();
      await server.close();
    },
  };
}

/** A plain page on another origin (a municipality's own site) that embeds the widget; `html` is read per request. */
export async function startForeignSite(html: string | (() => string)): Promise<ChatServer> {
  const app = express();
  app.get('/', (_req, res) => {
    res.type('html').send(typeof html === 'string' ? html : html());
  });
  return listen(app);
}

/** What went wrong in a page: console errors, uncaught exceptions and Content-Security-Policy violations. */
export interface PageProblems {
  list: string[];
}

/**
 * Opens a page in a fresh context and records its problems. CSP violations are caught in the page itself
 * (securitypolicyviolation) as well as from the console, so a violation inside a try/catch is still reported.
 */
export async function openPage(
  browser: Browser,
  options: BrowserContextOptions = {},
): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ locale: 'da-DK', ...options });
  const page = await context.newPage();
  const problems: PageProblems = { list: [] };
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(
        `CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`,
      );
    });
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.list.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.list.push(`page error: ${error.message}`));
  page.on('requestfailed', (request) => {
    const error = request.failure()?.errorText ?? '';
    // A stream torn down when the page unloads or reloads is not a failure of ours, nor is a poll for activities that
    // the client itself aborts when it leaves a conversation (after "slet mine data" it starts a new one).
    const torndown = request.url().includes('/stream?');
    const abortedPoll =
      request.method() === 'GET' &&
      request.url().includes('/v3/directline/conversations/') &&
      error === 'net::ERR_ABORTED';
    if (!torndown && !abortedPoll) problems.list.push(`request failed: ${request.url()} ${error}`);
  });
  return { context, page, problems };
}

/** The send box of Web Chat. */
export function sendBox(page: Page) {
  return page.locator('[data-id="webchat-sendbox-input"]');
}

/** Waits until the chat shows text (in any bubble), e.g. the welcome or an answer. */
export async function waitForText(page: Page, text: string | RegExp, timeout = 15_000): Promise<void> {
  await page.locator('.webchat__bubble__content').filter({ hasText: text }).last().waitFor({ timeout });
}

/** Types a message into the send box and sends it with Enter, as a person would. */
export async function say(page: Page, text: string): Promise<void> {
  await sendBox(page).click();
  await sendBox(page).fill(text);
  await sendBox(page).press('Enter');
}

/** A suggested action (a button under the bot's last message) by its title. */
export function suggestedAction(page: Page, title: string) {
  return page.locator('.webchat__suggested-actions').getByRole('button', { name: title, exact: true });
}

/** Number of bubbles the chat shows. */
export async function bubbleCount(page: Page): Promise<number> {
  return page.locator('.webchat__bubble__content').count();
}

let axeSource: string | undefined;

/**
 * axe-core's rules for WCAG 2.1 A and AA, run on the whole page; returns each violation with its elements.
 * `readStyles: false` stops axe from re-fetching the page's stylesheets: on another site our stylesheet is
 * cross-origin and the fetch would fail (only css-orientation-lock reads them; our own page checks it).
 */
export async function axeViolations(page: Page, options: { readStyles?: boolean } = {}): Promise<string[]> {
  const preload = options.readStyles !== false;
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  // Evaluated through DevTools rather than added as a <script>: our CSP (rightly) refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const violations = await page.evaluate(async (preload) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: Document,
            opts: unknown,
          ): Promise<{
            violations: { id: string; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[];
          }>;
        };
      }
    ).axe;
    const result = await axe.run(document, {
      preload,
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map(
      (v) =>
        `${v.id} (${v.help}): ${v.nodes.map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`).join(' | ')}`,
    );
  }, preload);
  return violations;
}
