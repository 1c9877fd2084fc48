import { BUSINESS_BASIC } from '../integration/bot/drive-to-confirmation';
import { addLine, click, startForContoso, type TourCard, type TourParty } from './purchase-tour';

/**
 * A cart for Contoso ordered and provisioned at once (the party's sandbox provisions without delay): the
 * result with "Undo until", the undo question naming customer, product, quantity and refund, and the
 * undo's result.
 */
export async function tourUndo(party: TourParty): Promise<TourCard[]> {
  const products = await startForContoso(party);
  const draft = (await addLine(party, products, BUSINESS_BASIC, '|P1M|monthly', { quantity: '2' })).next;
  const review = await click(party, draft, 'cart.review');
  const ordered = await click(party, review, 'cart.placeOrder', { attestPartnerOfRecord: 'true' });
  await party.bot.app.background.idle();
  const ask = await click(party, ordered, 'purchase.undo');
  const undone = await click(party, ask, 'purchase.undoConfirm');
  await party.bot.app.background.idle();
  return [{ step: 'undo-result', card: ordered }, { step: 'undo-ask', card: ask }, { step: 'undo-done', card: undone }];
}
