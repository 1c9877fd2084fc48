import { BUSINESS_BASIC } from '../integration/bot/drive-to-confirmation';
import { choicesOf } from '../integration/bot/card-helpers';
import { click, say, type TourCard, type TourParty } from './purchase-tour';
import { CONTOSO_ID } from '../../src/sandbox/data/seed-ids';

/**
 * A cart for Contoso ordered and provisioned at once (the party's sandbox provisions without delay): the
 * result with "Undo until", the undo question naming customer, product, quantity and refund, and the
 * undo's result.
 */
export async function tourUndo(party: TourParty): Promise<TourCard[]> {
  const customers = await click(party, await say(party, 'new cart'), 'cart.searchCustomer', { query: 'Contoso' });
  const products = await click(party, customers, 'cart.pickCustomer', { choice: CONTOSO_ID });
  const line = await click(party, products, 'cart.pickProduct', { choice: BUSINESS_BASIC });
  const offer = choicesOf(line, 'offer').find((o) => o.value.endsWith('|P1M|monthly'));
  if (!offer) throw new Error('Business Basic has no 1-month monthly offer in the sandbox');
  const draft = await click(party, line, 'cart.saveLine', { offer: offer.value, quantity: '2' });
  const confirm = await click(party, await click(party, draft, 'cart.review'), 'cart.confirm');
  const ordered = await click(party, confirm, 'cart.placeOrder', { attestPartnerOfRecord: 'true' });
  await party.bot.app.background.idle();
  const ask = await click(party, ordered, 'purchase.undo');
  const undone = await click(party, ask, 'purchase.undoConfirm');
  await party.bot.app.background.idle();
  return [{ step: 'undo-result', card: ordered }, { step: 'undo-ask', card: ask }, { step: 'undo-done', card: undone }];
}
