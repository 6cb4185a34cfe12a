import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import {
  type ChatServer,
  WELCOME,
  axeViolations,
  launchBrowser,
  openPage,
  say,
  sendBox,
  startServer,
  suggestedAction,
  waitForText,
} from './harness.js';

interface Focused {
  tag: string;
  name: string;
  visible: boolean;
  isSendBox: boolean;
}

/**
 * What has focus now, and whether a focus indicator shows: an outline or box-shadow on the element (our page and
 * frame), on the send box's frame (our CSS), or the border of the indicator Web Chat draws for that element (its
 * suggested actions, its transcript, the close button of its keyboard help).
 */
async function focused(page: Page): Promise<Focused> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const ring = (e: Element | null) => {
      if (!e) return false;
      const s = getComputedStyle(e);
      return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0) || s.boxShadow !== 'none';
    };
    const border = (e: Element | null) =>
      !!e && getComputedStyle(e).borderTopStyle !== 'none' && parseFloat(getComputedStyle(e).borderTopWidth) > 0;
    const isSendBox = el.matches('[data-id="webchat-sendbox-input"]');
    const webChatIndicator = el.matches('.webchat__basic-transcript, .webchat__basic-transcript__terminator')
      ? document.querySelector('.webchat__basic-transcript__focus-indicator')
      : el.matches('.webchat__keyboard-help__close-button')
        ? el
        : el.querySelector('.webchat__suggested-action__keyboard-focus-indicator');
    return {
      tag: el.tagName.toLowerCase(),
      name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40),
      visible: ring(el) || (isSendBox && ring(el.closest('.webchat__send-box__main'))) || border(webChatIndicator),
      isSendBox,
    };
  });
}

/** Records every text that Web Chat's live region (aria-live) announces, even after it fades out. */
async function recordLiveRegion(page: Page): Promise<void> {
  await page.evaluate(() => {
    const region = document.querySelector('.webchat__live-region-transcript[aria-live]');
    const heard: string[] = [];
    (window as unknown as { heard: string[] }).heard = heard;
    if (!region) return;
    new MutationObserver(() => heard.push(region.textContent ?? '')).observe(region, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  });
}

describe('browser: accessibility of the page and the chat (WCAG 2.1 AA)', function () {
  this.timeout(60_000);
  let browser: Browser;
  let server: ChatServer;

  before(async () => {
    browser = await launchBrowser();
    server = await startServer();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it('has no WCAG 2.1 A or AA violations with the chat open, nor after a conversation (axe-core)', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await waitForText(page, WELCOME);
    expect(await axeViolations(page), 'with the chat open').to.deep.equal([]);
    await say(page, 'hvor længe kan jeg have en mentor?');
    await waitForText(page, '6 måneder');
    await suggestedAction(page, 'Jeg er borger').click();
    await waitForText(page, 'Hvad passer bedst på dig');
    expect(await axeViolations(page), 'after a conversation').to.deep.equal([]);
    expect(problems.list).to.deep.equal([]);
    await context.close();
  });

  it('can be used with the keyboard alone, with a visible focus on every stop, and announces new messages', async () => {
    const { context, page, problems } = await openPage(browser);
    await page.goto(`${server.url}/`);
    await waitForText(page, WELCOME);
    await recordLiveRegion(page);
    const stops: Focused[] = [];
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      stops.push(now);
      if (now.isSendBox) break;
    }
    expect(stops.at(-1)?.isSendBox, `Tab reaches the send box: ${JSON.stringify(stops)}`).to.equal(true);
    expect(
      stops.filter((s) => !s.visible),
      'stops without a visible focus',
    ).to.deep.equal([]);

    await page.keyboard.type('hvor længe kan jeg have en mentor?');
    await page.keyboard.press('Enter');
    await waitForText(page, '6 måneder');
    await page.waitForFunction(() =>
      (window as unknown as { heard: string[] }).heard.some((t) => t.includes('6 måneder')),
    );

    // The suggested actions sit just before the send box; Shift+Tab reaches them, arrows move between them.
    await page.keyboard.press('Shift+Tab');
    const first = await focused(page);
    expect(first.tag).to.equal('button');
    expect(first.visible, 'the focused suggested action shows its focus').to.equal(true);
    let target = first;
    for (let i = 0; i < 10 && target.name !== 'Jeg er borger'; i++) {
      await page.keyboard.press('ArrowRight');
      target = await focused(page);
    }
    expect(target.name).to.equal('Jeg er borger');
    await page.keyboard.press('Enter');
    await waitForText(page, 'Hvad passer bedst på dig');
    await page.waitForFunction(() =>
      (window as unknown as { heard: string[] }).heard.some((t) => t.includes('Hvad passer bedst på dig')),
    );
    expect(problems.list).to.deep.equal([]);
    await context.close();
  });

  for (const [name, viewport] of [
    ['text zoomed to 200 % (a 1280 px window shows 640 CSS px)', { width: 640, height: 400 }],
    ['a phone 360 px wide', { width: 360, height: 740 }],
  ] as const) {
    it(`fits ${name}: no horizontal scrolling, and the send box and the robot notice are in view`, async () => {
      const { context, page, problems } = await openPage(browser, { viewport, deviceScaleFactor: 2 });
      await page.goto(`${server.url}/`);
      await waitForText(page, WELCOME);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, 'horizontal overflow in CSS px').to.be.at.most(0);
      await sendBox(page).scrollIntoViewIfNeeded();
      for (const locator of [sendBox(page), page.locator('.mentorbot__notice')]) {
        const box = (await locator.boundingBox())!;
        expect(box.x).to.be.at.least(0);
        expect(box.x + box.width).to.be.at.most(viewport.width);
        expect(await locator.isVisible()).to.equal(true);
      }
      await say(page, 'hvor længe kan jeg have en mentor?');
      await waitForText(page, '6 måneder');
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).to.be.at.most(0);
      expect(problems.list).to.deep.equal([]);
      await context.close();
    });
  }
});
