import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as cardTemplates from '../../src/cards/render-card';
import { CARD_NAMES, type CardName } from '../../src/cards/render-card';
import { startBotUnderTest, type BotUnderTest } from '../integration/harness/bot-under-test';
import type { TeamsUser } from '../integration/harness/teams-client';
import { DESKTOP_WIDTH, launchCardRenderer, MOBILE_WIDTH, type CardRenderer } from '../support/chromium-cards';
import { tourAddOn, tourOrder } from '../support/addon-tour';
import { tourSeats, tourSeatsApproval } from '../support/seats-tour';
import { tourUndo } from '../support/undo-tour';
import { startSandbox, type RunningSandbox } from '../../src/sandbox';
import {
  tourApproval, tourAudit, tourCancel, tourPurchase, tourRefusedCheckout, tourSlowReview, tourWithdraw, type TourCard,
} from '../support/purchase-tour';
import { CONTOSO_ID } from '../../src/sandbox/data/seed-ids';

const ARTIFACTS = path.join(__dirname, '..', '..', 'test-artifacts', 'cards');
const RESULTS_CHANNEL = '19:results@thread.tacv2';
const APPROVAL_CHANNEL = '19:approvals@thread.tacv2';
const rep: TeamsUser = { id: '29:tour-rep', aadObjectId: '44444444-4444-4444-8444-444444444444', name: 'Rita Rep', tenantId: 'partner-tenant' };
const approver: TeamsUser = { id: '29:tour-approver', aadObjectId: '66666666-6666-4666-8666-666666666666', name: 'Anna Approver', tenantId: 'partner-tenant' };

/** A card of the tour and the language of the rep who was shown it. */
interface LocalisedCard extends TourCard {
  locale: string;
}
/** Where a Polish rep's phone formats DATE and TIME. */
const TIME_ZONE: Record<string, string> = { 'en-US': 'UTC', 'pl-PL': 'Europe/Warsaw' };

/**
 * Every card template, filled by the real bot during real conversations (not invented data), rendered by
 * the `adaptivecards` renderer in headless Chromium: the whole purchase in English and in Polish at phone
 * width, and in English at desktop width.
 */
describe('cards in Chromium', () => {
  let renderer: CardRenderer;
  let bot: BotUnderTest;
  let slowBot: BotUnderTest;
  let approvalBot: BotUnderTest;
  /** Its sandbox provisions an order at once: the result card shows Undo. */
  let undoSandbox: RunningSandbox;
  let undoBot: BotUnderTest;
  const tour: LocalisedCard[] = [];
  /** Watches the real renderCard (nothing replaced): which template each card the bot built came from. */
  const renders = jest.spyOn(cardTemplates, 'renderCard');

  beforeAll(async () => {
    [renderer, bot, slowBot, approvalBot] = await Promise.all([
      launchCardRenderer(),
      // `new order` is an admin's tool: the rep is also an approver (no APPROVAL_THRESHOLD, so approvals stay off).
      startBotUnderTest({ env: { RESULTS_CHANNEL_ID: RESULTS_CHANNEL, APPROVER_IDS: rep.aadObjectId } }),
      startBotUnderTest({ answerBudgetMs: 0 }),
      startBotUnderTest({ env: { APPROVER_IDS: approver.aadObjectId, APPROVAL_THRESHOLD: '0', APPROVAL_CHANNEL_ID: APPROVAL_CHANNEL } }),
    ]);
    undoSandbox = await startSandbox({ port: 0, provisioningDelayMs: 0 });
    undoBot = await startBotUnderTest({ sandbox: undoSandbox });
    for (const locale of ['en-US', 'pl-PL']) {
      const party = (id: string, target = bot) => ({ bot: target, rep, chat: { id: `${id}-${locale}`, conversationType: 'personal' as const }, locale });
      const visits = [
        ...(await tourPurchase({ ...party('a:tour-purchase'), resultsChannelId: RESULTS_CHANNEL })),
        ...(await tourCancel(party('a:tour-cancel'))),
        ...(await tourRefusedCheckout(party('a:tour-refused'))),
        ...(await tourSlowReview(party('a:tour-slow', slowBot))),
      ];
      const approvalParty = { ...party('a:tour-approval', approvalBot), approver, approvalChannelId: APPROVAL_CHANNEL };
      visits.push(...(await tourApproval(approvalParty)));
      visits.push(...(await tourAudit(approvalParty, CONTOSO_ID)));
      visits.push(...(await tourSeatsApproval({ ...party('a:tour-seats-approval', approvalBot), approver, approvalChannelId: APPROVAL_CHANNEL })));
      visits.push(...(await tourWithdraw(approvalParty)));
      visits.push(...(await tourAddOn(party('a:tour-addon'))));
      visits.push(...(await tourOrder(party('a:tour-order'))));
      visits.push(...(await tourSeats(party('a:tour-seats'))));
      visits.push(...(await tourUndo(party('a:tour-undo', undoBot))));
      tour.push(...visits.map((visit) => ({ ...visit, locale })));
    }
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await Promise.all([renderer?.close(), bot?.stop(), slowBot?.stop(), approvalBot?.stop(), undoBot?.stop()]);
    await undoSandbox?.close();
  });

  /**
   * The template behind a card Teams received. Matched by the card's body: the connector's copies are JSON
   * round-tripped, and a flow may add card-level properties (a `refresh` for approvers) after rendering.
   */
  const bodyOf = (card: object) => JSON.stringify((card as { body?: unknown }).body);
  const templateNameOf = (card: object): CardName | undefined => {
    const body = bodyOf(card);
    const index = renders.mock.results.findIndex((r) => r.type === 'return' && bodyOf(r.value) === body);
    return index < 0 ? undefined : renders.mock.calls[index][0];
  };

  it.each([
    ['phone', MOBILE_WIDTH, ['en-US', 'pl-PL']],
    ['desktop', DESKTOP_WIDTH, ['en-US']],
  ])('renders every card of the tour at %s width (%i px) in %j without renderer errors, overflow or a cut-off button label', async (label, width, locales) => {
    const problems: string[] = [];
    const shown = tour.filter(({ locale }) => locales.includes(locale));
    for (const [index, { step, card, locale }] of shown.entries()) {
      const result = await renderer.render(card, { width, locale, timeZone: TIME_ZONE[locale] });
      writeFileSync(path.join(ARTIFACTS, `${String(index + 1).padStart(2, '0')}-${step}-${locale}-${width}.png`), result.png);
      const where = `${step} (${locale}, ${label})`;
      for (const error of result.errors) problems.push(`${where}: ${error}`);
      for (const overflow of result.overflow) problems.push(`${where}: ${overflow}`);
      for (const cut of result.truncated.filter((t) => t.startsWith('button.'))) problems.push(`${where}: label cut short: ${cut}`);
    }
    expect(shown.length).toBeGreaterThan(20 * locales.length);
    expect(problems).toEqual([]);
  }, 120_000);

  it('names no card the bot sent after a template it does not have', () => {
    const unnamed = tour.filter(({ card }) => templateNameOf(card) === undefined).map(({ step }) => step);
    expect(unnamed).toEqual([]);
  });

  it('reaches every template in cards/ through a conversation', () => {
    const reached = new Set(tour.map(({ card }) => templateNameOf(card)));
    expect(CARD_NAMES.filter((name) => !reached.has(name))).toEqual([]);
  });
});
