import type { pricesEnUS } from './prices.en-US';
import type { PolishMessages } from '../plural';

export const pricesPlPL: PolishMessages<typeof pricesEnUS> = {
  'price.each.monthly': '{price} za licencję miesięcznie',
  'price.each.annual': '{price} za licencję rocznie',
  'price.each.biennial': '{price} za licencję co 2 lata',
  'price.each.triennial': '{price} za licencję co 3 lata',
  'price.each.one_time': '{price} za licencję, płatne jednorazowo',
  'price.each.unknown': '{price} za licencję za okres rozliczeniowy',
  'price.freeTrial': 'Bezpłatny okres próbny',
  'price.termMonths': { one: 'okres {count} miesiąc', few: 'okres {count} miesiące', many: 'okres {count} miesięcy', other: 'okres {count} miesiąca' },
  'price.termYears': { one: 'okres {count} rok', few: 'okres {count} lata', many: 'okres {count} lat', other: 'okres {count} roku' },
  'price.forTerm': '{amount} za cały okres',
  'price.inAll': 'razem {amount}',
  'price.due.monthly': 'Płatne co miesiąc: {amount}',
  'price.due.annual': 'Płatne co rok: {amount}',
  'price.due.biennial': 'Płatne co 2 lata: {amount}',
  'price.due.triennial': 'Płatne co 3 lata: {amount}',
  'price.due.one_time': 'Płatne jednorazowo: {amount}',
  'price.due.unknown': 'Płatne za okres rozliczeniowy: {amount}',
  'price.commitment': 'Łączne zobowiązanie: {amount}',
};
