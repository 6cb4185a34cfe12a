import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  type BotServer,
  type PageProblems,
  WELCOME,
  bubbleCount,
  launchBrowser,
  openPage,
  say,
  startServer,
  suggestedAction,
  waitForText,
} from './harness.js';

// One citizen's visit, step by step, on the same page: each `it` continues where the one before stopped.
describe('browser: a citizen uses the chat on the demo page', function () {
  this.timeout(60_000);
  let browser: Browser;
  let server: BotServer;
  let context: BrowserContext;
  let page: Page;
  let problems: PageProblems;

  before(async () => {
    browser = await launchBrowser();
    server = await startServer();
    ({ context, page, problems } = await openPage(browser));
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the municipality page with the welcome in the chat and the robot notice with its two links', async () => {
    await page.goto(`${server.url}/`);
    expect(await page.locator('h1').textContent()).to.equal('Mentorordning');
    await waitForText(page, WELCOME);
    const notice = page.locator('.mentorbot__notice');
    expect(await notice.isVisible()).to.equal(true);
    expect(await notice.textContent()).to.include('Du chatter med en robot');
    expect(
      await notice
        .locator('a')
        .evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname)),
    ).to.deep.equal(['/privatliv.html', '/tilgaengelighed.html']);
    await suggestedAction(page, 'Jeg er borger').waitFor();
  });

  it('answers a free-text question with an answer that links to the law on retsinformation.dk', async () => {
    await say(page, 'hvor længe kan jeg have en mentor?');
    await waitForText(page, 'hvor længe kan jeg have en mentor?');
    await waitForText(page, '6 måneder');
    const answer = page.locator('.webchat__bubble__content').filter({ hasText: '6 måneder' }).last();
    const links = answer.locator('a[href*="retsinformation.dk"]');
    expect(await links.allTextContents()).to.include.members(['LAB § 167, stk. 1']);
    expect(await links.first().getAttribute('target')).to.equal('_blank');
  });

  it('goes through the citizen intake with the suggested actions and a typed age to a cited summary', async () => {
    await say(page, 'start forfra');
    await suggestedAction(page, 'Jeg er borger').click();
    await waitForText(page, 'Hvad passer bedst på dig');
    await suggestedAction(page, 'Jeg er ledig').click();
    await waitForText(page, 'Hvilken ydelse får du?');
    await suggestedAction(page, 'Kontanthjælp').click();
    await waitForText(page, 'udskrevet fra en psykiatrisk indlæggelse');
    await suggestedAction(page, 'Nej').click();
    await waitForText(page, 'Hvor gammel er du?');
    await say(page, '45');
    await waitForText(page, 'Har du allerede en mentor?');
    await suggestedAction(page, 'Ingen endnu').click();
    await waitForText(page, 'Sådan kommer du videre');
    expect(await page.locator('.webchat__bubble__content a[href*="retsinformation.dk"]').count()).to.be.greaterThan(1);
  });

  it('switches to English when the person writes "english"', async () => {
    await say(page, 'english');
    await waitForText(page, /English|What would you like/i);
    await say(page, 'how long can I have a mentor?');
    await waitForText(page, '6 months');
  });

  it('keeps the conversation after a reload and continues it in English', async () => {
    const before = await bubbleCount(page);
    await page.reload();
    await waitForText(page, 'how long can I have a mentor?');
    await waitForText(page, 'hvor længe kan jeg have en mentor?');
    expect(await bubbleCount(page)).to.equal(before);
    await suggestedAction(page, 'I am a citizen').click();
    await waitForText(page, 'What fits you best right now?');
    expect(await bubbleCount(page)).to.be.greaterThan(before + 1);
  });

  it('shows a message that arrives later over the stream (a WebSocket), outside a turn', async () => {
    const conversationId = await page.evaluate(() => {
      const key = Object.keys(sessionStorage).find((k) => k.startsWith('mentorbot:http'))!;
      return (JSON.parse(sessionStorage.getItem(key)!) as { conversationId: string }).conversationId;
    });
    await server.push(conversationId, '**Lise:** Hej, det er Lise fra kommunen.');
    await waitForText(page, 'Hej, det er Lise fra kommunen.');
  });

  it('resumes the conversation in a new tab opened from this one, with the token kept in the tab, and both tabs see what either says', async () => {
    const before = await bubbleCount(page);
    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      page.evaluate((url) => void window.open(url, '_blank'), `${server.url}/`),
    ]);
    await waitForText(tab, 'Hej, det er Lise fra kommunen.');
    await waitForText(tab, 'hvor længe kan jeg have en mentor?');
    expect(await bubbleCount(tab)).to.equal(before);
    await say(tab, 'hvor mange timer kan en mentor have?');
    await waitForText(page, 'hvor mange timer kan en mentor have?');
    await tab.close();
  });

  it('had no console errors, failed requests or Content-Security-Policy violations', () => {
    expect(problems.list).to.deep.equal([]);
  });
});

describe('browser: "slet mine data" in the chat', function () {
  this.timeout(60_000);
  let browser: Browser;
  let server: BotServer;

  before(async () => {
    browser = await launchBrowser();
    server = await startServer();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('confirms, makes the tab forget the conversation, and a reload starts a new one without the old messages', async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await page.goto(`${server.url}/`);
      await waitForText(page, WELCOME);
      await say(page, 'Jeg er ledig og 45 år');
      await waitForText(page, 'Jeg er ledig og 45 år');
      await say(page, 'slet mine data');
      await waitForText(page, 'slettet');
      await page.waitForFunction(() => !Object.keys(sessionStorage).some((k) => k.startsWith('mentorbot:http')));
      await page.reload();
      await waitForText(page, WELCOME);
      expect(
        await page.locator('.webchat__bubble__content').filter({ hasText: 'Jeg er ledig og 45 år' }).count(),
      ).to.equal(0);
      expect(problems.list).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });

  it('starts a new conversation in place of the old one when the person writes after the deletion (the old token is refused)', async () => {
    const { context, page, problems } = await openPage(browser);
    try {
      await page.goto(`${server.url}/`);
      await waitForText(page, WELCOME);
      await say(page, 'Jeg er ledig og 45 år');
      await say(page, 'slet mine data');
      await waitForText(page, 'slettet');
      await say(page, 'hej igen');
      await page.waitForFunction(
        () =>
          !Array.from(document.querySelectorAll('.webchat__bubble__content')).some((b) =>
            b.textContent?.includes('Jeg er ledig og 45 år'),
          ),
      );
      await waitForText(page, WELCOME);
      await say(page, 'hvor længe kan jeg have en mentor?');
      await waitForText(page, '6 måneder');
      // The refused message is the only problem (the browser logs the 403).
      expect(problems.list.filter((p) => !/status of 403/.test(p))).to.deep.equal([]);
    } finally {
      await context.close();
    }
  });
});
