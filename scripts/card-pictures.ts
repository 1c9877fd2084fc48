import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startBotUnderTest } from '../test/integration/harness/bot-under-test';
import { launchCardRenderer, MOBILE_WIDTH } from '../test/support/chromium-cards';
import { tourAddOn } from '../test/support/addon-tour';
import { tourApproval, tourPurchase, tourRefusedCheckout, tourWithdraw, type TourCard } from '../test/support/purchase-tour';
import { tourSeats } from '../test/support/seats-tour';

/**
 * `npm run pictures`: the README's pictures are the real cards of a purchase. The bot runs in-process
 * against the embedded sandbox, a rep buys through it exactly as the tests do, in English and in Polish,
 * and the cards it answered with are drawn by the `adaptivecards` renderer in headless Chromium at phone
 * width, in the rep's language and time zone.
 */
const OUT_DIR = path.join(__dirname, '..', 'docs', 'pictures');
/** Each language's folder under docs/pictures and the zone its phone shows times in. */
const LANGUAGES = [
  { locale: 'en-US', folder: '', timeZone: 'UTC' },
  { locale: 'pl-PL', folder: 'pl', timeZone: 'Europe/Warsaw' },
];
/** The moments the README shows, in order, and the file each becomes. */
const PICTURES: Record<string, string> = {
  'customer-results': '1-customer',
  line: '2-line',
  'draft-two-lines': '3-cart',
  review: '4-review',
  'confirm-refused': '5-confirm',
  ordered: '6-ordered',
  'checkout-refused': '7-refused',
  'addon-customer-recent': 'addon-1-customer',
  'addon-subscription': 'addon-2-subscription',
  'addon-choice': 'addon-3-addon',
  'addon-confirm': 'addon-4-confirm',
  'addon-result': 'addon-5-bought',
  'approval-waiting-named': 'approval-0-waiting',
  'approval-decision': 'approval-1-approver',
  'approval-approved': 'approval-2-approved',
  'seats-review': 'seats-1-review',
  'seats-result': 'seats-2-changed',
};

const APPROVAL_CHANNEL = '19:approvals@thread.tacv2';

async function main(): Promise<void> {
  const approver = { id: '29:anna', aadObjectId: '66666666-6666-4666-8666-666666666666', name: 'Anna Approver', tenantId: 'partner-tenant' };
  const bot = await startBotUnderTest();
  const approvalBot = await startBotUnderTest({ env: { APPROVER_IDS: approver.aadObjectId, APPROVAL_THRESHOLD: '0', APPROVAL_CHANNEL_ID: APPROVAL_CHANNEL } });
  const renderer = await launchCardRenderer();
  try {
    const rep = { id: '29:rita', aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Rita Rep', tenantId: 'partner-tenant' };
    for (const { locale, folder, timeZone } of LANGUAGES) {
      const party = (id: string, target = bot) => ({ bot: target, rep, chat: { id: `${id}-${locale}`, conversationType: 'personal' as const }, locale });
      const tour: TourCard[] = [
        ...(await tourPurchase(party('a:pictures'))),
        ...(await tourRefusedCheckout(party('a:pictures-refused'))),
        ...(await tourAddOn(party('a:pictures-addon'))),
        ...(await tourApproval({ ...party('a:pictures-approval', approvalBot), approver, approvalChannelId: APPROVAL_CHANNEL })),
        ...(await tourWithdraw({ ...party('a:pictures-withdraw', approvalBot), approver, approvalChannelId: APPROVAL_CHANNEL })),
        ...(await tourSeats(party('a:pictures-seats'))),
      ];
      const dir = path.join(OUT_DIR, folder);
      mkdirSync(dir, { recursive: true });
      for (const { step, card } of tour) {
        const name = PICTURES[step];
        if (!name) continue;
        const result = await renderer.render(card, { width: MOBILE_WIDTH, scale: 2, locale, timeZone });
        if (result.errors.length > 0) throw new Error(`${step} (${locale}): the renderer reported ${result.errors.join('; ')}`);
        const file = path.join(dir, `${name}.png`);
        writeFileSync(file, result.png);
        process.stdout.write(`${path.relative(path.join(__dirname, '..'), file)}  ${step}${result.truncated.length ? `  (cut short: ${result.truncated.join(', ')})` : ''}\n`);
      }
    }
  } finally {
    await renderer.close();
    await Promise.all([bot.stop(), approvalBot.stop()]);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
