import type { statusEnUS } from './status.en-US';

export const statusPlPL: Record<keyof typeof statusEnUS, string> = {
  'status.title': 'Zamówienie {orderId}',
  'status.line': 'Stan: {status} · złożone {created}',
  'status.provisioningNote': 'Partner Center wciąż realizuje to zamówienie; może to potrwać kilka minut. Karta zaktualizuje się po zakończeniu — możesz też stuknąć Odśwież.',
  'status.orderLine': '{quantity} × {offer}',
  'status.subscription': 'Subskrypcja {id} · {status}',
  'status.noSubscriptionYet': 'Subskrypcja jeszcze nie powstała',
  'status.addOn': 'Dodatek',
  'status.refresh': 'Odśwież',
  'status.button': 'Stan',
  'status.badId.title': 'To nie jest numer zamówienia',
  'status.badId.text': 'Wpisz **status** i numer zamówienia, np. status a68736758d9c.',
  'status.unknown.title': 'Nie znaleziono zamówienia',
  'status.unknown.text': 'Nie znam zamówienia {orderId} złożonego przez Partner Cart w Twojej organizacji, więc nie wiem, o którego klienta zapytać Partner Center.',
  'status.failed.title': 'Nie udało się odczytać zamówienia',
};
