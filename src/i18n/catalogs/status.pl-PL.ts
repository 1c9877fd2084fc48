import type { statusEnUS } from './status.en-US';
import type { PolishMessages } from '../plural';

export const statusPlPL: PolishMessages<typeof statusEnUS> = {
  'status.title': 'Zamówienie {orderId}',
  'status.line': 'Stan: {status} · złożone {created}',
  'status.provisioningNote': 'Centrum partnerskie wciąż udostępnia to zamówienie; może to potrwać kilka minut. Karta zaktualizuje się po zakończeniu — możesz też stuknąć Odśwież.',
  'status.orderLine': '{quantity} × {offer}',
  'status.subscription': 'Subskrypcja: {status}',
  'status.subscriptionStatus.none': 'nierozpoczęta',
  'status.subscriptionStatus.active': 'aktywna',
  'status.subscriptionStatus.pending': 'w toku',
  'status.subscriptionStatus.suspended': 'zawieszona',
  'status.subscriptionStatus.expired': 'wygasła',
  'status.subscriptionStatus.disabled': 'wyłączona',
  'status.subscriptionStatus.deleted': 'usunięta',
  'status.noSubscriptionYet': 'Subskrypcja jeszcze nie powstała',
  'status.addOn': 'Dodatek',
  'status.refresh': 'Odśwież',
  'status.button': 'Stan',
  'status.badId.title': 'To nie jest identyfikator zamówienia',
  'status.badId.text': 'Wpisz **status** i identyfikator zamówienia, np. status a68736758d9c.',
  'status.unknown.title': 'Nie znaleziono zamówienia',
  'status.unknown.text': 'Nie znam zamówienia {orderId} złożonego przez Partner Cart w Twojej organizacji, więc nie wiem, o którego klienta zapytać Centrum partnerskie.',
  'status.failed.title': 'Nie udało się odczytać zamówienia',
};
