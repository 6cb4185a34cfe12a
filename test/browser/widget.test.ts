import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import {
  type ChatServer,
  WELCOME,
  axeViolations,
  launchBrowser,
  openPage,
  say,
  sendBox,
  startForeignSite,
  startServer,
  suggestedAction,
  waitForText,
} from './harness.js';

/** A municipality's own page, as its web team would write it, with our one script tag. */
function foreignPage(serverUrl: string, attributes: string): string {
  return `<!doctype html>
<html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Borgerservice – en anden kommune</title><link rel="icon" href="data:,"></head>
<body><header><p>En anden kommune</p></header>
<main><h1>Borgerservice</h1><p>Her er kommunens egen side.</p><div id="kommune-chat"></div></main>
<script src="${serverUrl}/widget.js" defer ${attributes}></script>
</body></html>`;
}

describe('browser: the widget on another site', function () {
  this.timeout(60_000);
  let browser: Browser;
  let server: ChatServer;
  let site: ChatServer;
  let html = '';

  before(async () => {
    browser = await launchBrowser();
    site = await startForeignSite(() => html);
    server = await startServer({ WEBCHAT_ALLOWED_ORIGINS: site.url });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await site?.close();
  });

  it('works inline in a container on a page from another origin, in English, with the notice linking to our server', async () => {
    html = foreignPage(
      server.url,
      'data-lang="en" data-position="inline" data-container="kommune-chat" data-title="Ask about mentors" data-color="#ffcc00"',
    );
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${site.url}/`);
    await waitForText(page, 'I am Mentorbot');
    expect(await page.locator('#kommune-chat .mentorbot__title').textContent()).to.equal('Ask about mentors');
    expect(await page.locator('.mentorbot__notice').textContent()).to.include('You are chatting with a robot');
    const privacy = await page.locator('.mentorbot__notice a').first().getAttribute('href');
    expect(privacy).to.equal(`${server.url}/privatliv.html`);
    // A light brand colour is darkened so that white text on it keeps 4.5:1.
    const header = await page.locator('.mentorbot__header').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(header).not.to.equal('rgb(255, 204, 0)');
    await say(page, 'how long can I have a mentor?');
    await waitForText(page, '6 months');
    expect(problems.list).to.deep.equal([]);
    await context.close();
  });

  it('opens from a floating "Chat med os" button as a dialog, moves focus into it, and Escape closes it and returns focus', async () => {
    html = foreignPage(server.url, 'data-position="left"');
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${site.url}/`);
    const launcher = page.getByRole('button', { name: 'Chat med os' });
    await launcher.waitFor();
    expect(await launcher.getAttribute('aria-expanded')).to.equal('false');
    expect(await page.locator('.mentorbot').isHidden()).to.equal(true);
    // Web Chat's bundle is loaded only when the person opens the chat.
    expect(await page.evaluate(() => 'WebChat' in window)).to.equal(false);

    await launcher.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Chat om mentorstøtte' });
    await dialog.waitFor();
    await waitForText(page, WELCOME);
    await page.waitForFunction(() => document.activeElement?.matches('[data-id="webchat-sendbox-input"]'));
    const box = (await dialog.boundingBox())!;
    expect(box.x).to.be.lessThan(200);

    await page.keyboard.type('Jeg er borger');
    await page.keyboard.press('Enter');
    await waitForText(page, 'Hvad passer bedst på dig');
    await suggestedAction(page, 'Jeg er ledig').waitFor();
    expect(await axeViolations(page, { readStyles: false }), 'the open dialog').to.deep.equal([]);

    await sendBox(page).focus();
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.activeElement?.classList.contains('mentorbot-launcher'));
    expect(await page.locator('.mentorbot').isHidden()).to.equal(true);
    expect(await launcher.getAttribute('aria-expanded')).to.equal('false');

    // Open again: the conversation is still there.
    await page.keyboard.press('Enter');
    await waitForText(page, 'Hvad passer bedst på dig');
    await page.getByRole('button', { name: 'Luk chatten' }).click();
    expect(await page.locator('.mentorbot').isHidden()).to.equal(true);
    expect(problems.list).to.deep.equal([]);
    await context.close();
  });

  it('refuses to serve the chat to a site that is not in WEBCHAT_ALLOWED_ORIGINS, and says so in the widget', async () => {
    const other = await startServer();
    html = foreignPage(other.url, 'data-container="kommune-chat"');
    const { context, page } = await openPage(browser);
    await page.goto(`${site.url}/`);
    await page.getByRole('alert').filter({ hasText: 'Chatten kan ikke starte lige nu' }).waitFor();
    await context.close();
    await other.close();
  });
});
