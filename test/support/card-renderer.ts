import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { teamsHostConfig } from './card-host-config';
import { cardPageHtml, TEAMS_CARD_WIDTH, TEAMS_FULL_CARD_WIDTH } from './card-page';

/**
 * Renders Adaptive Cards the way a person sees them: the `adaptivecards` renderer in headless
 * Chromium (Debian's, never a downloaded one), with Microsoft's Teams light host config.
 */

export interface RenderedCard {
  /** Everything the parser, validator or renderer complained about, plus page errors. */
  problems: string[];
  /** Labels and TextBlocks cut off with an ellipsis. */
  truncated: string[];
  /** The visible text of the rendered card. */
  text: string;
  pngPath: string;
}

export class CardRenderer {
  private constructor(
    private readonly browser: Browser,
    private readonly page: Page,
    private readonly pageErrors: string[],
  ) {}

  static async launch(): Promise<CardRenderer> {
    const browser = await launchChromium();
    try {
      // Scale 2 so the PNGs stay sharp in docs and on high-density screens.
      const context = await browser.newContext({ deviceScaleFactor: 2, viewport: { width: 900, height: 800 } });
      await context.route('**/*', (route) => route.abort()); // nothing may come from the network
      const page = await context.newPage();
      const pageErrors: string[] = [];
      page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' || message.type() === 'warning') pageErrors.push(`console ${message.type()}: ${message.text()}`);
      });
      await page.setContent(cardPageHtml(), { waitUntil: 'load' });
      if (!(await page.evaluate(() => typeof (globalThis as { renderCard?: unknown }).renderCard === 'function'))) {
        throw new Error(`the adaptivecards bundle did not load: ${pageErrors.join('; ')}`);
      }
      return new CardRenderer(browser, page, pageErrors);
    } catch (error) {
      await browser.close();
      throw error;
    }
  }

  /** Renders one card and saves an element screenshot (card plus a little margin) to `pngPath`. */
  async render(card: object, pngPath: string): Promise<RenderedCard> {
    this.pageErrors.length = 0;
    const width = (card as { msteams?: { width?: string } }).msteams?.width === 'Full' ? TEAMS_FULL_CARD_WIDTH : TEAMS_CARD_WIDTH;
    const result = await this.page.evaluate(
      ([c, config, w]) => (globalThis as unknown as { renderCard: (...args: unknown[]) => Omit<RenderedCard, 'pngPath'> }).renderCard(c, config, w),
      [card, teamsHostConfig(), width] as const,
    );
    await this.page.evaluate('document.fonts.ready.then(() => true)'); // no DOM types in this project's lib
    mkdirSync(path.dirname(pngPath), { recursive: true });
    await this.page.locator('#frame').screenshot({ path: pngPath, animations: 'disabled' });
    return { ...result, problems: [...result.problems, ...this.pageErrors], pngPath };
  }

  async close(): Promise<void> {
    await this.browser.close();
  }
}
