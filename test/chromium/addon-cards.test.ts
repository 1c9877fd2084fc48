import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tourAddOn, tourOrder } from '../support/addon-tour';
import { startBotUnderTest, type BotUnderTest } from '../integration/harness/bot-under-test';
import type { TeamsUser } from '../integration/harness/teams-client';
import { adaptiveCardProblems } from '../support/adaptive-card-check';
import { launchCardRenderer, MOBILE_WIDTH, type CardRenderer } from '../support/chromium-cards';
import type { TourCard } from '../support/purchase-tour';

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts', 'cards');
const rep: TeamsUser = { id: '29:addon-tour', aadObjectId: 'd0000000-0000-4000-8000-000000000001', name: 'Pia Phone', tenantId: 'partner-tenant' };

/**
 * The quick add-on and order cards as a phone shows them: filled by the real bot in real conversations,
 * rendered by the `adaptivecards` renderer in headless Chromium at 375 px, in English and in Polish
 * (longer words), and saved as PNGs for the README.
 */
describe('add-on and order cards on a phone', () => {
  let renderer: CardRenderer;
  let bot: BotUnderTest;
  const tour: { locale: string; visit: TourCard }[] = [];

  beforeAll(async () => {
    // `new order` is an admin's tool: the rep is also an approver (no APPROVAL_THRESHOLD, so approvals stay off).
    [renderer, bot] = await Promise.all([launchCardRenderer(), startBotUnderTest({ env: { APPROVER_IDS: rep.aadObjectId } })]);
    for (const locale of ['en-US', 'pl-PL']) {
      const party = (id: string) => ({ bot, rep, chat: { id: `${id}-${locale}`, conversationType: 'personal' as const }, locale });
      for (const visit of [...(await tourAddOn(party('a:addon-tour'))), ...(await tourOrder(party('a:order-tour')))]) tour.push({ locale, visit });
    }
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    await Promise.all([renderer?.close(), bot?.stop()]);
  });

  it('renders every add-on, order and status card at 375 px without renderer errors, horizontal overflow or a cut-off button label', async () => {
    const problems: string[] = [];
    for (const [index, { locale, visit }] of tour.entries()) {
      problems.push(...adaptiveCardProblems(visit.card).map((p) => `${visit.step} (${locale}): ${p}`));
      const result = await renderer.render(visit.card, { width: MOBILE_WIDTH, scale: 2, locale });
      const file = `addon-${String(index + 1).padStart(2, '0')}-${visit.step}-${locale}-${MOBILE_WIDTH}.png`;
      writeFileSync(path.join(ARTIFACTS, file), result.png);
      for (const error of result.errors) problems.push(`${visit.step} (${locale}): ${error}`);
      for (const overflow of result.overflow) problems.push(`${visit.step} (${locale}) overflows: ${overflow}`);
      for (const cut of result.truncated.filter((t) => t.startsWith('button.'))) problems.push(`${visit.step} (${locale}) cuts a label short: ${cut}`);
    }
    expect(tour.length).toBeGreaterThanOrEqual(28);
    expect(problems).toEqual([]);
  }, 120_000);
});
