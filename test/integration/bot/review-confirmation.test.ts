import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { actionsOf, detailTexts, GUID, text, visibleTexts, type Card } from './card-helpers';
import { driveToConfirmation } from './drive-to-confirmation';

const rep: TeamsUser = { id: '29:reviewer', aadObjectId: '73737373-7373-4373-8373-737373737373', name: 'Rita Rep', tenantId: 'partner-tenant' };

/** The card without its "Details" container: what a rep sees and can press without opening Details. */
function withoutDetails(card: Card): Card {
  return JSON.parse(JSON.stringify(card, (_key, value: unknown) =>
    (value && typeof value === 'object' && (value as Record<string, unknown>).id === 'details' ? undefined : value))) as Card;
}

function detailsOf(card: Card): Card {
  let details: Card = {};
  JSON.stringify(card, (_key, value: unknown) => {
    if (value && typeof value === 'object' && (value as Record<string, unknown>).id === 'details') details = value as Card;
    return value;
  });
  return details;
}

describe('the review with Partner Center\'s prices is the confirmation', () => {
  let bot: BotUnderTest;
  let review: Card;
  const chat: TeamsConversation = { id: 'a:review-confirmation', conversationType: 'personal' };
  beforeAll(async () => {
    bot = await startBotUnderTest();
    review = await driveToConfirmation(bot, rep, chat);
  });
  afterAll(() => bot.stop());

  it('carries the attestation and "Place order", with no separate "Continue" step', () => {
    const inView = withoutDetails(review);
    expect(text(inView)).toContain('"id":"attestPartnerOfRecord"');
    expect([...actionsOf(inView).keys()]).toEqual(['cart.placeOrder', 'cart.edit', 'cart.cancel']);
    expect(visibleTexts(review).join(' ')).toMatch(/\$\d/);
  });

  it('keeps "Show request" (the raw REST requests) and the cart id out of the rep\'s way, under Details', async () => {
    expect(actionsOf(withoutDetails(review)).has('cart.showRequest')).toBe(false);
    expect(actionsOf(detailsOf(review)).has('cart.showRequest')).toBe(true);
    expect(visibleTexts(review).some((line) => GUID.test(line))).toBe(false);
    expect(detailTexts(review).some((line) => GUID.test(line))).toBe(true);
    const preview = await bot.teams.execute(rep, chat, 'activity-1', 'cart.showRequest', actionsOf(detailsOf(review)).get('cart.showRequest')!);
    expect(text(preview.body.value)).toContain('partnerOnRecordAttestationAccepted');
  });

  it('refuses "Place order" without the tick on the same card, saying why, and orders nothing', async () => {
    const refused = await bot.teams.execute(rep, chat, 'activity-1', 'cart.placeOrder', { ...actionsOf(review).get('cart.placeOrder')!, attestPartnerOfRecord: 'false' });
    expect(text(refused.body.value)).toContain('Tick the attestation');
    expect(text(refused.body.value)).toContain('Review: cart for Contoso Ltd');
    expect(bot.sandbox.requests.some((r) => r.path.endsWith('/checkout'))).toBe(false);
  });
});
