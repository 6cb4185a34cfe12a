import { expect } from 'chai';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  type BotServer,
  WELCOME,
  launchBrowser,
  openPage,
  say,
  startServer,
  suggestedAction,
  waitForText,
} from './harness.js';

/** Whether an element lies inside the viewport (and, for a message, inside the transcript's scrolled view). */
async function inView(page: Page, selector: string, text: string): Promise<boolean> {
  return page.evaluate(
    ({ selector, text }) => {
      const el = Array.from(document.querySelectorAll(selector))
        .filter((e) => e.textContent?.includes(text))
        .at(-1);
      if (!el) return false;
      const box = el.getBoundingClientRect();
      const scroller = el.closest('.webchat__basic-transcript__scrollable');
      const frame = scroller ? scroller.getBoundingClientRect() : { top: 0, bottom: window.innerHeight };
      return box.top >= Math.max(0, frame.top) - 1 && box.top < Math.min(window.innerHeight, frame.bottom);
    },
    { selector, text },
  );
}

// A 360 px phone: the chat first, one-line heading and notice, wrapped suggestions, "Flere svar", the summary's start
// in view, Danish times for screen readers, and the contact card's call link.
describe('browser: the chat on a phone', function () {
  this.timeout(90_000);
  let browser: Browser;
  let server: BotServer;
  let context: BrowserContext;
  let page: Page;

  before(async () => {
    browser = await launchBrowser();
    server = await startServer({
      MUNICIPALITY_NAME: 'Egeby Kommune',
      MUNICIPALITY_PHONE: '+45 99 99 99 99',
      MUNICIPALITY_PHONE_HOURS: 'man-fre 09:00-15:00',
    });
    ({ context, page } = await openPage(browser, {
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    }));
    await page.goto(`${server.url}/`);
    await waitForText(page, WELCOME);
  });
  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  it('shows the chat before the page text, with the welcome in view without scrolling', async () => {
    const [chatTop, textTop] = await page.evaluate(() => [
      document.querySelector('.mentorbot')!.getBoundingClientRect().top,
      document.querySelector('.intro')!.getBoundingClientRect().top,
    ]);
    expect(chatTop).to.be.lessThan(textTop);
    expect(await inView(page, '.webchat__bubble__content', WELCOME)).to.equal(true);
  });

  it("keeps the chat's heading and the robot notice to one line each", async () => {
    for (const selector of ['.mentorbot__title', '.mentorbot__notice']) {
      const lines = await page
        .locator(selector)
        .evaluate((el) => el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight));
      expect(lines, selector).to.be.lessThan(1.9);
    }
    expect(await page.locator('.mentorbot__greeting').isVisible()).to.equal(false);
  });

  it('wraps the suggested actions\' text instead of cutting it, and shows "Flere svar" instead of ten buttons', async () => {
    await suggestedAction(page, 'Jeg er borger').click();
    await waitForText(page, 'Hvad passer bedst på dig');
    const buttons = page.locator('.webchat__suggested-actions button');
    await suggestedAction(page, 'Flere svar').waitFor();
    expect(await buttons.count()).to.be.at.most(7);
    const cut = await buttons.evaluateAll((all) =>
      all
        .filter((b) => {
          const text = b.querySelector('.webchat__suggested-action__text') ?? b;
          return text.scrollWidth > text.clientWidth + 1;
        })
        .map((b) => b.textContent),
    );
    expect(cut).to.deep.equal([]);
    await suggestedAction(page, 'Flere svar').click();
    await suggestedAction(page, 'Jeg er i integrationsprogram').waitFor();
  });

  it("keeps the start of the summary, the person's outcome, in view after the intake", async () => {
    await suggestedAction(page, 'Jeg forsørger mig selv').click();
    await waitForText(page, 'udskrevet fra en psykiatrisk indlæggelse');
    await suggestedAction(page, 'Nej').click();
    await waitForText(page, 'Hvor gammel er du?');
    await say(page, '52');
    await waitForText(page, 'Har du allerede en mentor?');
    await suggestedAction(page, 'Ingen endnu').click();
    await waitForText(page, 'Sådan kommer du videre');
    await page.waitForTimeout(1000);
    // As on a phone, where the page is scrolled so that the send box, where the person types, is at the bottom of the
    // screen: the chat is as tall as the screen, so it fills it. (The test's own clicks scroll elsewhere.)
    await page.locator('.mentorbot').evaluate((e) => e.scrollIntoView({ block: 'end' }));
    expect(await inView(page, '.webchat__bubble__content', 'Det kan du søge om')).to.equal(true);
  });

  it('reads times to screen readers as Danish 24-hour times, never AM or PM', async () => {
    const twelveHour = await page.evaluate(() => {
      const chat = document.querySelector('.mentorbot__chat')!;
      const labels = Array.from(chat.querySelectorAll('[aria-label]')).map((e) => e.getAttribute('aria-label') ?? '');
      return [...labels, chat.textContent ?? ''].filter((t) => /\d[.:]\d{2}\s?(AM|PM)\b/.test(t));
    });
    expect(twelveHour).to.deep.equal([]);
  });

  it('gives "Tal med en medarbejder" as a card with the phone as a tel: link and the phone hours', async () => {
    await say(page, 'Tal med en medarbejder');
    await waitForText(page, 'Telefontid: man-fre 9-15');
    const call = page.locator('.webchat__bubble__content a[href^="tel:"]').last();
    expect(await call.getAttribute('href')).to.equal('tel:+4599999999');
    expect(await call.textContent()).to.include('Ring +45 99 99 99 99');
  });
});
