import type { outcomeEnUS } from './outcome.en-US';
import type { PolishMessages } from '../plural';

export const outcomePlPL: PolishMessages<typeof outcomeEnUS> = {
  'outcome.checkingTitle': 'Sprawdzam w Centrum partnerskim…',
  'outcome.checkingText': 'Centrum partnerskie jeszcze nie potwierdziło, czy złożyło zamówienie dla {customer}. Bot pyta dalej i zaktualizuje tę kartę, gdy będzie wiedział. Nie zamawiaj tego samego ponownie w tym czasie.',
  'outcome.inProgressText': 'Centrum partnerskie nadal przetwarza zamówienie dla {customer}. Bot je obserwuje i zaktualizuje tę kartę, gdy zamówienie zostanie złożone.',
  'outcome.unconfirmedTitle': 'Zamówienie dla {customer} niepotwierdzone',
  'outcome.unconfirmedText': 'Bot nie zdołał potwierdzić, czy Centrum partnerskie złożyło to zamówienie. Zanim zamówisz ponownie, sprawdź zamówienia {customer} w Centrum partnerskim.',
  'outcome.detail.customer': 'Klient {customerId}',
  'failure.code': 'Kod {code}',
  'failure.http': 'HTTP {status}',
  'failure.transport': 'Brak odpowiedzi z Centrum partnerskiego ({text})',
  'failure.detail': '{what} · identyfikator korelacji {correlationId} · identyfikator żądania {requestId}',
  'result.startedBy': 'Rozpoczęte przez: {name} · {time}',
  'result.restartWithLines': 'Nowy koszyk z pozycjami',
  'redelivery.title': 'Już wykonane',
  'redelivery.text': 'To kliknięcie zostało już obsłużone; karta pokazuje bieżący stan.',
};
