/**
 * Writes public/screenshot.png: the demo page after a short real conversation, for the README.
 * Run after a build: node dist/test/browser/screenshot.js
 */
import { join } from 'node:path';
import { projectRoot } from '../../knowledge/paths.js';
import { WELCOME, launchBrowser, openPage, say, startServer, suggestedAction, waitForText } from './harness.js';

const browser = await launchBrowser();
const server = await startServer();
try {
  const { page } = await openPage(browser, { viewport: { width: 1280, height: 860 } });
  await page.goto(`${server.url}/`);
  await waitForText(page, WELCOME);
  await say(page, 'hvor længe kan jeg have en mentor?');
  await waitForText(page, '6 måneder');
  await suggestedAction(page, 'Jeg er borger').click();
  await waitForText(page, 'Hvad passer bedst på dig');
  await page.mouse.move(0, 0);
  await page.locator('body').click({ position: { x: 5, y: 400 } });
  await page.waitForTimeout(800); // Web Chat scrolls to the newest message

  const file = join(projectRoot(), 'public', 'screenshot.png');
  await page.screenshot({ path: file });
  console.log(`Wrote ${file}`);
} finally {
  await browser.close();
  await server.close();
}
