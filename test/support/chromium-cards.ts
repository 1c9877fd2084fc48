import { readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import type { ChromiumBinary } from './bundled-chromium';
import { findChromium } from './find-chromium';
import { TEAMS_LIKE_HOST_CONFIG } from './teams-host-config';

/** Flags that keep Chromium offline and quiet in a container: without them it keeps calling Google's hosts. */
const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync',
];

/** A phone in portrait (iPhone SE/mini class), and the card column of Teams on a desktop. */
export const MOBILE_WIDTH = 375;
export const DESKTOP_WIDTH = 600;

interface CardRendering {
  /** Parse/validation events that are not hints or deprecations, exceptions thrown in the page, a failed render. */
  errors: string[];
  /** Renderer hints and deprecations. */
  warnings: string[];
  /** Elements whose right edge passes the card's width: the horizontal overflow a phone would clip. */
  overflow: string[];
  /** Text blocks and buttons cut short with an ellipsis. */
  truncated: string[];
  /** The card's text as the reader sees it (DATE and TIME already formatted by the renderer). */
  text: string;
  height: number;
  png: Buffer;
}

interface RenderOptions {
  width: number;
  /** Pixel density of the PNG; 2 gives sharp pictures for the README. */
  scale?: number;
  /** The reader's language and time zone, as their device has them (DATE and TIME format for them). */
  locale?: string;
  timeZone?: string;
}

export interface CardRenderer {
  render(card: unknown, options: RenderOptions): Promise<CardRendering>;
  close(): Promise<void>;
}

const RENDERER_SCRIPT = require.resolve('adaptivecards/dist/adaptivecards.js');
const RENDERER_CSS = path.join(path.dirname(RENDERER_SCRIPT), 'adaptivecards.css');
const PAGE_SCRIPT = path.join(__dirname, 'card-page.js');
const PAGE_HTML = `<!doctype html><html><head><meta charset="utf-8"><style>
  body { margin: 0; padding: 12px; background: #F0F0F0; }
  #frame { background: #FFFFFF; border: 1px solid #E0E0E0; border-radius: 6px; overflow: hidden; box-sizing: content-box; }
</style></head><body><div id="frame"></div></body></html>`;
/** Buttons and inputs closer to Teams than the renderer's default blue theme; loaded after its CSS. */
const TEAMS_LOOK_CSS = `
  .ac-pushButton { font-family: "Segoe UI", "Liberation Sans", sans-serif; border-radius: 4px; padding: 5px 12px;
    color: #242424; background: #FFFFFF; border: 1px solid #D1D1D1; }
  .ac-pushButton.style-positive { color: #FFFFFF; background: #5B5FC7; border-color: #5B5FC7; }
  .ac-pushButton.style-destructive { color: #C4314B; background: #FFFFFF; border-color: #D1D1D1; }
  .ac-input, .ac-input input, .ac-input select { font-family: "Segoe UI", "Liberation Sans", sans-serif; font-size: 14px; }
`;

interface PageResult { errors: string[]; warnings: string[]; overflow: string[]; truncated: string[]; text: string; height: number }

/**
 * One headless Chromium with one page holding the `adaptivecards` renderer (3.0.6). Renders run one at a
 * time on that page, so a test file launches one renderer and reuses it for every card. The browser is
 * `binary`, by default the one findChromium picks.
 */
export async function launchCardRenderer(binary?: ChromiumBinary): Promise<CardRenderer> {
  const { executablePath, env } = binary ?? (await findChromium());
  const browser: Browser = await chromium.launch({ executablePath, env: { ...process.env, ...env }, headless: true, args: CHROMIUM_FLAGS });
  try {
    const pages = new Map<string, Page>();
    const pageErrors: string[] = [];
    const pageWarnings: string[] = [];

    const pageFor = async (scale: number, locale: string, timeZone: string): Promise<Page> => {
      const key = `${scale}|${locale}|${timeZone}`;
      const existing = pages.get(key);
      if (existing) return existing;
      const context = await browser.newContext({ deviceScaleFactor: scale, locale, timezoneId: timeZone, viewport: { width: 1024, height: 768 } });
      await context.route('**/*', (route) => {
        pageWarnings.push(`Blocked request (cards are rendered offline): ${route.request().url()}`);
        return route.abort();
      });
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`Page: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
          pageErrors.push(`Console: ${message.text()}`);
        }
      });
      await page.setContent(PAGE_HTML);
      await page.addStyleTag({ content: readFileSync(RENDERER_CSS, 'utf8') });
      await page.addStyleTag({ content: TEAMS_LOOK_CSS });
      await page.addScriptTag({ content: readFileSync(RENDERER_SCRIPT, 'utf8') });
      await page.addScriptTag({ content: readFileSync(PAGE_SCRIPT, 'utf8') });
      pages.set(key, page);
      return page;
    };

    let queue: Promise<unknown> = Promise.resolve();
    const renderNow = async (card: unknown, { width, scale = 1, locale = 'en-US', timeZone = 'UTC' }: RenderOptions): Promise<CardRendering> => {
      const page = await pageFor(scale, locale, timeZone);
      await page.setViewportSize({ width: width + 24, height: 768 });
      pageErrors.length = 0;
      pageWarnings.length = 0;
      const result = await page.evaluate(
        (input) => (globalThis as unknown as { renderAdaptiveCard(i: unknown): PageResult }).renderAdaptiveCard(input),
        { card, width, hostConfig: TEAMS_LIKE_HOST_CONFIG },
      );
      await page.evaluate(() => (globalThis as unknown as { document: { fonts: { ready: Promise<unknown> } } }).document.fonts.ready);
      const png = await page.locator('#frame').screenshot({ type: 'png', animations: 'disabled' });
      return { ...result, errors: [...result.errors, ...pageErrors], warnings: [...result.warnings, ...pageWarnings], png };
    };

    const renderer: CardRenderer = {
      render(card, options) {
        const next = queue.then(() => renderNow(card, options));
        // The caller gets `next` with its failure; the queue only waits for it to settle.
        queue = Promise.allSettled([next]);
        return next;
      },
      close: () => browser.close(),
    };
    await pageFor(1, 'en-US', 'UTC');
    return renderer;
  } catch (error) {
    await browser.close();
    throw error;
  }
}
