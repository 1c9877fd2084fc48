import type { purchaseEnUS } from './purchase.en-US';
import type { PolishMessages } from '../plural';

export const purchasePlPL: PolishMessages<typeof purchaseEnUS> = {
  'openPurchase.kind.cart': 'koszyk',
  'openPurchase.kind.addon': 'dodatek',
  'openPurchase.kind.order': 'zamówienie',
  'openPurchase.kind.seats': 'zmiana liczby licencji',
  'openPurchase.what': '{kind} (klient: {customer})',
  'openPurchase.here': 'Twój otwarty zakup w tym czacie: {what}. Kontynuuj na jego karcie albo wpisz **cancel**, aby go porzucić.',
  'openPurchase.superseded.title': 'Masz tu nowszy zakup',
  'openPurchase.superseded.text': 'Po tym zakupie ({kind}) rozpoczęto nowszy: {what}. W jednym czacie otwarty jest jeden zakup: dokończ lub anuluj nowszy (wpisz **cancel**), a wtedy ten znów będzie można zmieniać. Nic nie zostało zmienione.',
};
