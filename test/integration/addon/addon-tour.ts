import type { Card } from '../bot/card-helpers';
import { actionsOf } from '../bot/card-helpers';
import type { TourCard, TourParty } from '../../support/purchase-tour';

const CONTOSO = '46a62ece-10ad-42e5-b3f1-b2ed53e6fc08';
const E3_SUBSCRIPTION = '10704f2f-3fc6-4e42-8acf-08df4f81c93c';
const MY_ANALYTICS = '6A8BE5B3-8F3C-4E5A-9D7E-0C2B4F1A3E59';
const BUSINESS_PREMIUM = '031C9E47-4802-4248-838E-778FB1D2CC05';
const CARD_ID = 'tour-card';

/** Clicks a button as Teams does: the button's own data (the first with `match`, if given) plus inputs. */
async function click(party: TourParty, card: Card, verb: string, inputs: Record<string, unknown> = {}, match?: [string, string]): Promise<Card> {
  const data = match ? buttonData(card, verb, match) : actionsOf(card).get(verb);
  if (!data) throw new Error(`the card has no "${verb}" button: ${JSON.stringify(card).slice(0, 300)}`);
  const response = await party.bot.teams.send(party.rep, party.chat, {
    type: 'invoke', name: 'adaptiveCard/action', replyToId: CARD_ID, locale: party.locale,
    value: { action: { type: 'Action.Execute', verb, data: { ...data, ...inputs } }, trigger: 'manual' },
  });
  const body = response.body as { value?: Card };
  if (!body.value) throw new Error(`no card answered ${verb}`);
  return body.value;
}

function buttonData(card: Card, verb: string, [key, value]: [string, string]): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const record = node as Record<string, unknown>;
    const data = record.data as Record<string, unknown> | undefined;
    if (record.type === 'Action.Execute' && record.verb === verb && String(data?.[key]).toLowerCase() === value.toLowerCase()) found = data;
    Object.values(record).forEach(walk);
  };
  walk(card);
  return found;
}

async function command(party: TourParty, text: string): Promise<Card> {
  await party.bot.teams.message(party.rep, party.chat, text, party.locale);
  return party.bot.connector.cardsIn(party.chat.id).at(-1)!;
}

/** `add-on` on a phone: search, the recent customer, subscription, add-on, confirmation, result, status. */
export async function tourAddOn(party: TourParty): Promise<TourCard[]> {
  const tour: TourCard[] = [];
  const search = await command(party, 'add-on');
  tour.push({ step: 'addon-customer-search', card: search });
  const found = await click(party, search, 'addon.searchCustomer', { query: 'Contoso' });
  tour.push({ step: 'addon-customer-found', card: found });
  const subscriptions = await click(party, found, 'addon.pickCustomer', {}, ['customerId', CONTOSO]);
  await click(party, subscriptions, 'addon.cancel');
  const recent = await command(party, 'add-on');
  tour.push({ step: 'addon-customer-recent', card: recent });
  const again = await click(party, recent, 'addon.pickCustomer', {}, ['customerId', CONTOSO]);
  tour.push({ step: 'addon-subscription', card: again });
  const addOns = await click(party, again, 'addon.pickSubscription', {}, ['subscriptionId', E3_SUBSCRIPTION]);
  tour.push({ step: 'addon-choice', card: addOns });
  const confirm = await click(party, addOns, 'addon.pickAddOn', {}, ['addOnId', MY_ANALYTICS]);
  tour.push({ step: 'addon-confirm', card: confirm });
  const refused = await click(party, confirm, 'addon.buy', { quantity: '0', attest: 'false' });
  tour.push({ step: 'addon-confirm-errors', card: refused });
  const result = await click(party, confirm, 'addon.buy', { quantity: '2', attest: 'true' });
  await party.bot.app.background.idle();
  tour.push({ step: 'addon-result', card: result });
  const status = await click(party, result, 'status.show');
  tour.push({ step: 'addon-status', card: status });
  return tour;
}

/** `new order`: customer, draft with a line, review with the request, the shared confirmation, result. */
export async function tourOrder(party: TourParty): Promise<TourCard[]> {
  const tour: TourCard[] = [];
  const start = await command(party, 'new order');
  const found = await click(party, start, 'order.searchCustomer', { query: 'Contoso' });
  const draft = await click(party, found, 'order.pickCustomer', { customerId: CONTOSO });
  tour.push({ step: 'order-draft-empty', card: draft });
  const withLine = await click(party, draft, 'order.addLine', { offerId: BUSINESS_PREMIUM, quantity: '5', billingCycle: 'annual' });
  tour.push({ step: 'order-draft', card: withLine });
  const review = await click(party, withLine, 'order.review', { billingCycle: 'annual' });
  tour.push({ step: 'order-review', card: review });
  const confirm = await click(party, review, 'cart.confirm');
  tour.push({ step: 'order-confirm', card: confirm });
  const result = await click(party, confirm, 'cart.placeOrder', { attestPartnerOfRecord: 'true' });
  await party.bot.app.background.idle();
  tour.push({ step: 'order-result', card: result });
  return tour;
}
