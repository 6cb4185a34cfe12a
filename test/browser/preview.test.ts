import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  type BotServer,
  type PageProblems,
  WELCOME,
  axeViolations,
  launchBrowser,
  openPage,
  sendBox,
  startServer,
  waitForText,
} from './harness.js';

/**
 * The welcome before Web Chat: widget.js starts the conversation with one request and draws the bot's welcome and its
 * buttons in plain HTML; Web Chat loads after it and takes over. Web Chat's bundle is held back here, as a slow phone
 * line would, so the preview can be looked at and used before the hand-over.
 */
describe('browser: the welcome before Web Chat has loaded (the preview)', function () {
  this.timeout(90_000);
  let browser: Browser;
  let server: BotServer;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;
  let release: () => void;

  const preview = () => page.locator('.mentorbot__preview');

  before(async () => {
    browser = await launchBrowser();
    server = await startServer();
    ({ context, page, problems } = await openPage(browser, {
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    }));
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/webchat/webchat-minimal.js', async (route) => {
      await held;
      await route.continue();
    });
    // Not waiting for the load event: it waits for Web Chat's bundle, which is held.
    await page.goto(`${server.url}/`, { waitUntil: 'domcontentloaded' });
    await preview().locator('.mentorbot__bubble').filter({ hasText: WELCOME }).waitFor({ timeout: 15_000 });
  });
  after(async () => {
    release?.();
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it("shows the bot's own welcome, its start in view, while Web Chat has not loaded", async () => {
    expect(await page.evaluate(() => 'WebChat' in window)).to.equal(false);
    expect(await page.locator('.webchat__bubble__content').count()).to.equal(0);
    const words = await page.evaluate((welcome) => {
      const bubble = document.querySelector('.mentorbot__preview .mentorbot__bubble')!;
      const walker = document.createTreeWalker(bubble, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue!.indexOf(welcome);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + welcome.length);
        const r = range.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return { inWindow: r.top >= 0 && r.bottom <= window.innerHeight, shown: hit !== null && bubble.contains(hit) };
      }
      return null;
    }, WELCOME);
    expect(words).to.deep.equal({ inWindow: true, shown: true });
    // The welcome's buttons, as Web Chat would offer them.
    for (const title of ['Jeg er borger', 'Jeg er arbejdsgiver', 'Tal med en medarbejder', 'English'])
      await preview().getByRole('button', { name: title, exact: true }).waitFor();
  });

  it('has no WCAG 2.1 A or AA violations (axe-core)', async () => {
    expect(await axeViolations(page)).to.deep.equal([]);
  });

  it("sends a button's choice and shows the bot's answer with its own buttons, still without Web Chat", async () => {
    await preview().getByRole('button', { name: 'Jeg er borger', exact: true }).click();
    await preview().locator('.mentorbot__bubble--own').filter({ hasText: 'Jeg er borger' }).waitFor();
    await preview().locator('.mentorbot__bubble').filter({ hasText: 'Hvad passer bedst på dig' }).waitFor();
    await preview().getByRole('button', { name: 'Jeg er ledig', exact: true }).waitFor();
    expect(await preview().getByRole('button', { name: 'Jeg er borger', exact: true }).count()).to.equal(0);
  });

  it('shows what a person types as text, never as HTML', async () => {
    const input = preview().getByRole('textbox', { name: 'Skriv dit spørgsmål' });
    await input.fill('<img src=x onerror="window.pwned=1"> **fed**');
    await input.press('Enter');
    await preview().locator('.mentorbot__bubble--own').filter({ hasText: '<img src=x' }).waitFor();
    await page.waitForFunction(() => !document.querySelector('.mentorbot__note')?.textContent);
    expect(await preview().locator('img').count()).to.equal(0);
    expect(await page.evaluate(() => 'pwned' in window)).to.equal(false);
  });

  it('hands over to Web Chat once it has loaded: the whole conversation, the welcome once, and what was being typed', async () => {
    const input = preview().getByRole('textbox', { name: 'Skriv dit spørgsmål' });
    await input.fill('hvor længe');
    release();
    await waitForText(page, 'Hvad passer bedst på dig');
    await preview().waitFor({ state: 'detached' });
    await waitForText(page, 'Jeg er borger');
    expect(await page.locator('.webchat__bubble__content').filter({ hasText: WELCOME }).count()).to.equal(1);
    expect(await sendBox(page).inputValue()).to.equal('hvor længe');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).to.equal(
      'webchat-sendbox-input',
    );
    await sendBox(page).press('Enter');
    await waitForText(page, /Mente du|mentor/);
    expect(await axeViolations(page)).to.deep.equal([]);
    expect(problems.list).to.deep.equal([]);
  });
});
