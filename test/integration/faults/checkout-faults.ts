import type { RecordedRequest } from '../../../src/sandbox';
import { actionsOf, choicesOf, type Card } from '../bot/card-helpers';
import { draftForContoso, driveToConfirmation, startCart } from '../bot/drive-to-confirmation';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';
import { partnerCenterCart } from '../../../src/flows/purchase/purchase';

export const rep: TeamsUser = { id: '29:fault-rep', aadObjectId: '44444444-4444-4444-8444-444444444444', name: 'Rita Rep', tenantId: 'partner-tenant' };

let conversations = 0;
export function newChat(): TeamsConversation {
  conversations += 1;
  return { id: `a:checkout-faults-${conversations}`, conversationType: 'personal' };
}

interface PlacedOrder {
  chat: TeamsConversation;
  purchaseId: string;
  /** What the click on "Place order" was answered with. */
  answer: Card;
  cartId: string;
}

/** Drives a new cart to the review (its confirmation) and clicks "Place order" with the attestation ticked. */
export async function placeOrder(bot: BotUnderTest, chat = newChat(), confirm?: Card): Promise<PlacedOrder> {
  const confirmation = confirm ?? (await driveToConfirmation(bot, rep, chat));
  const place = actionsOf(confirmation).get('cart.placeOrder')!;
  const response = await bot.teams.execute(rep, chat, 'activity-1', 'cart.placeOrder', { ...place, attestPartnerOfRecord: 'true' });
  const purchaseId = String(place.purchaseId);
  const stored = await bot.app.purchases.load(purchaseId);
  return { chat, purchaseId, answer: response.body.value, cartId: partnerCenterCart(stored!.purchase)!.id! };
}

/** Drives a cart with a new-commerce licence (order group 0) and a SaaS plan (order group 1) to the review, where the order is placed. */
export async function driveTwoGroupsToConfirmation(bot: BotUnderTest, chat: TeamsConversation): Promise<Card> {
  const click = await startCart(bot, rep, chat);
  await draftForContoso(click);
  await click('cart.addLine');
  const saas = await click('cart.searchProduct', { query: 'DZH318Z0BXWC' });
  await click('cart.saveLine', { offer: choicesOf(saas, 'offer').find((o) => o.value.includes('|P1M|'))!.value, quantity: '5' });
  return click('cart.review');
}

/** How many orders Contoso has, as Partner Center lists them outside the bot. */
export async function ordersOfContoso(bot: BotUnderTest): Promise<number> {
  const response = await fetch(`${bot.sandbox.baseUrl}/v1/customers/${CONTOSO_ID}/orders`, { headers: { Authorization: `Bearer ${bot.sandbox.issueToken()}` } });
  return ((await response.json()) as { items: unknown[] }).items.length;
}

export function checkoutsOf(requests: RecordedRequest[], cartId: string): RecordedRequest[] {
  return requests.filter((r) => r.method === 'POST' && r.path.endsWith(`/carts/${cartId}/checkout`));
}

/**
 * A second instance of the bot (a restart, or another replica) on the same sandbox and Bot Connector as
 * `bot`; it is stopped once `use` is done, whether or not it passed.
 */
export async function withAnotherInstance(
  bot: BotUnderTest, options: Parameters<typeof startBotUnderTest>[0], use: (other: BotUnderTest) => Promise<void>,
): Promise<void> {
  const other = await startBotUnderTest({ ...options, sandbox: bot.sandbox, connector: bot.connector });
  try {
    await use(other);
  } finally {
    await other.stop();
  }
}
