import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startBotUnderTest } from '../test/integration/harness/bot-under-test';
import { launchCardRenderer, MOBILE_WIDTH } from '../test/support/chromium-cards';
import { tourPurchase, tourRefusedCheckout, type TourCard } from '../test/support/purchase-tour';

/**
 * `npm run pictures`: the README's pictures are the real cards of a purchase. The bot runs in-process
 * against the embedded sandbox, a rep buys through it exactly as the tests do, and the cards it answered
 * with are drawn by the `adaptivecards` renderer in headless Chromium at phone width.
 */
const OUT_DIR = path.join(__dirname, '..', 'docs', 'pictures');
/** The moments the README shows, in order, and the file each becomes. */
const PICTURES: Record<string, string> = {
  'customer-results': '1-customer',
  line: '2-line',
  'draft-two-lines': '3-cart',
  review: '4-review',
  confirm: '5-confirm',
  ordered: '6-ordered',
  'checkout-refused': '7-refused',
};

async function main(): Promise<void> {
  const bot = await startBotUnderTest();
  const renderer = await launchCardRenderer();
  try {
    const rep = { id: '29:rita', aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Rita Rep', tenantId: 'partner-tenant' };
    const party = (id: string) => ({ bot, rep, chat: { id, conversationType: 'personal' as const }, locale: 'en-US' });
    const tour: TourCard[] = [...(await tourPurchase(party('a:pictures'))), ...(await tourRefusedCheckout(party('a:pictures-refused')))];
    mkdirSync(OUT_DIR, { recursive: true });
    for (const { step, card } of tour) {
      const name = PICTURES[step];
      if (!name) continue;
      const result = await renderer.render(card, { width: MOBILE_WIDTH, scale: 2 });
      if (result.errors.length > 0) throw new Error(`${step}: the renderer reported ${result.errors.join('; ')}`);
      writeFileSync(path.join(OUT_DIR, `${name}.png`), result.png);
      process.stdout.write(`docs/pictures/${name}.png  ${step}${result.truncated.length ? `  (cut short: ${result.truncated.join(', ')})` : ''}\n`);
    }
  } finally {
    await renderer.close();
    await bot.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
