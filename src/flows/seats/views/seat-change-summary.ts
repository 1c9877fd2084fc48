import { plainText } from '../../../cards/plain-text';
import { cardDate } from '../../../i18n/card-time';
import { t } from '../../../i18n/translate';
import type { Subscription } from '../../../partner-center/schemas';
import type { SeatsPurchase } from '../../purchase/purchase';
import type { SeatChange } from '../../purchase/seats-state';

/**
 * What a seat change that went through did, in one title and one sentence, from the subscription as
 * Partner Center answered: the result card and the approval channel's notice say the same. A change at
 * renewal says when it takes effect (the end of the current term).
 */
export function seatChangeSummary(purchase: SeatsPurchase, change: SeatChange, after: Subscription): { title: string; text: string } {
  const locale = purchase.locale;
  const name = plainText(purchase.seats.subscription?.name ?? after.friendlyName ?? after.offerId);
  const date = cardDate(after.commitmentEndDate ?? purchase.seats.subscription?.commitmentEndDate);
  switch (change.kind) {
    case 'quantity':
      return { title: t(locale, 'seats.done.title'), text: t(locale, 'seats.done.text', { name, from: change.from, to: after.quantity }) };
    case 'cancel':
      return { title: t(locale, 'seats.done.cancelledTitle'), text: t(locale, 'seats.done.cancelledText', { name }) };
    case 'auto_renew':
      return { title: t(locale, 'seats.autoRenew.doneTitle'), text: t(locale, 'seats.autoRenew.doneText', { name, date }) };
    case 'scheduled_quantity':
      return {
        title: t(locale, 'seats.schedule.doneTitle'),
        text: t(locale, 'seats.schedule.doneText', { name, count: after.scheduledNextTermInstructions?.quantity ?? change.quantity, from: after.quantity, date }),
      };
  }
}
