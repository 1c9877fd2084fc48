import type { auditEnUS } from './audit.en-US';
import type { PolishMessages } from '../plural';

export const auditPlPL: PolishMessages<typeof auditEnUS> = {
  'audit.usage.title': 'Którego klienta lub zamówienia?',
  'audit.usage.text': 'Wpisz **audit** i identyfikator klienta lub zamówienia, na przykład: audit 46a62ece-10ad-42e5-b3f1-b2ed53e6fc08',
  'audit.denied.title': 'Dziennik audytu mogą czytać tylko osoby zatwierdzające',
  'audit.denied.text': 'Poproś jedną z osób zatwierdzających wskazanych przez administratora Partner Cart.',
  'audit.personalOnly.title': 'Zapytaj mnie na czacie prywatnym',
  'audit.personalOnly.text': 'Dziennik audytu pokazuję tylko na czacie jeden na jeden: tutaj zobaczyliby go wszyscy uczestnicy rozmowy.',
  'audit.none.title': 'Brak wpisów w dzienniku audytu',
  'audit.none.text': 'Dla {id} nic nie zapisano. Sprawdź identyfikator klienta lub zamówienia.',
  'audit.title': 'Dziennik audytu: {id}',
  'audit.summary': {
    one: '{count} wpis.',
    few: '{count} wpisy, od najnowszego.',
    many: '{count} wpisów, od najnowszego.',
    other: '{count} wpisy, od najnowszego.',
  },
  'audit.truncated': {
    one: 'Pokazano {shown} z {count} wpisu, od najnowszego. Aby zobaczyć wszystkie, wyeksportuj dziennik audytu (npm run audit:export).',
    few: 'Pokazano {shown} z {count} wpisów, od najnowszego. Aby zobaczyć wszystkie, wyeksportuj dziennik audytu (npm run audit:export).',
    many: 'Pokazano {shown} z {count} wpisów, od najnowszego. Aby zobaczyć wszystkie, wyeksportuj dziennik audytu (npm run audit:export).',
    other: 'Pokazano {shown} z {count} wpisów, od najnowszego. Aby zobaczyć wszystkie, wyeksportuj dziennik audytu (npm run audit:export).',
  },
  'audit.who': '{name} ({tenant})',
  'audit.unknownName': 'nieznany użytkownik',
  'audit.cart': 'Koszyk {id}',
  'audit.orders': 'Zamówienia {ids}',
  'audit.correlation': 'Identyfikator korelacji {id}',
  'audit.outcome.succeeded': 'Wykonano',
  'audit.outcome.failed': 'Niepowodzenie',
  'audit.outcome.denied': 'Odmowa',
  'audit.outcome.conflict': 'Nie zastosowano: ktoś zdążył wcześniej',
};
