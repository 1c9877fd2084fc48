import type { resultsEnUS } from './results.en-US';
import type { PolishMessages } from '../plural';

export const resultsPlPL: PolishMessages<typeof resultsEnUS> = {
  'result.details': 'Szczegóły',
  'result.openInPartnerCenter': 'Otwórz w Centrum',
  'result.customerAccount': 'Konto klienta',
  'result.buyAgain': 'Kup ponownie',
  'result.addOnAdded': 'Dodano {quantity} × {addOn} do {base}',
  'result.addOnAddedPrice': 'Dodano {quantity} × {addOn} do {base} — {price}',
  'result.detail.order': 'Zamówienie {orderId}',
  'result.detail.subscription': '{offer}: subskrypcja {id}',
  'result.detail.cart': 'Koszyk Centrum partnerskiego {cartId}',
  'result.detail.purchase': 'Zakup {id} · identyfikator korelacji {correlationId}',
  'result.next.13605': '{customer} nie zaakceptował Umowy klienta firmy Microsoft i do tego czasu Centrum partnerskie niczego mu nie sprzeda. Poproś administratora klienta o jej akceptację (link do akceptacji jest na koncie klienta w Centrum partnerskim), a potem rozpocznij zakup od nowa: ponowna próba wcześniej zostanie odrzucona tak samo.',
  'result.next.900124': 'Twoja firma nie zaakceptowała Umowy partnerskiej firmy Microsoft. Administrator Centrum partnerskiego musi ją zaakceptować, zanim cokolwiek da się kupić; ponowna próba wcześniej zostanie odrzucona tak samo.',
};
