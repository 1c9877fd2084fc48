import type { accessEnUS } from './access.en-US';
import type { PolishMessages } from '../plural';

export const accessPlPL: PolishMessages<typeof accessEnUS> = {
  'access.refused.title': 'Nie możesz tutaj korzystać z Partner Cart',
  'access.refused.tenant': 'Partner Cart kupuje z konta Centrum partnerskiego tego partnera, więc mogą z niego korzystać tylko pracownicy partnera. Jeśli uważasz, że powinieneś mieć dostęp, zapytaj administratora Teams partnera.',
  'access.refused.guest': 'Goście tej organizacji nie mogą korzystać z Partner Cart. Jeśli uważasz, że powinieneś mieć dostęp, zapytaj administratora Teams partnera.',
  'access.refused.notAdmin': 'To narzędzie dla administratorów Partner Cart u partnera (osób zatwierdzających). Aby kupić, wpisz **new cart**: produkty znajdziesz po nazwie.',
  'access.refused.notRep': 'Tylko handlowcy partnera mogą rozpoczynać i składać zakupy. Nadal możesz używać poleceń status i pending; poproś administratora o dodanie Cię jako handlowca.',
  'access.refused.channel': 'Partner Cart działa tylko w Microsoft Teams, po zalogowaniu kontem służbowym.',
  'access.slowDown.title': 'Trochę wolniej',
  'access.slowDown.text': 'W krótkim czasie wiele razy poprosiłeś o {what}. Centrum partnerskie ogranicza, jak często partner może z niego korzystać, więc odczekaj około {seconds} s i spróbuj ponownie.',
  'access.slowDown.search': 'wyszukiwanie klientów',
  'access.slowDown.draft': 'nowe zakupy',
  'limit.refused.title': 'Ten zakup przekracza limit partnera',
  'limit.refused.over': 'Jego suma {amount} przekracza limit {limit} na jeden zakup ustawiony dla Partner Cart. Nic nie zostało kupione; zmniejsz koszyk lub zapytaj administratora.',
  'limit.refused.noLimit': 'Dla waluty {currency} nie ustawiono limitu zakupu, więc Partner Cart nie może w niej kupować. Nic nie zostało kupione; zapytaj administratora.',
  'limit.refused.unknownTotal': 'Centrum partnerskie nie podało ceny części tego zakupu, więc nie można go sprawdzić względem limitu zakupu partnera. Nic nie zostało kupione.',
};
