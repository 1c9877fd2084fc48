import type { undoEnUS } from './undo.en-US';
import type { PolishMessages } from '../plural';

export const undoPlPL: PolishMessages<typeof undoEnUS> = {
  'result.undoUntil': 'Cofnięcie możliwe do {date}',
  'result.undo': 'Cofnij',
  'undo.ask.title': 'Cofnąć zakup dla {customer}?',
  'undo.ask.line': '{quantity} × {name} · zwrot: {refund}',
  'undo.ask.until': 'Każda subskrypcja powyżej zostanie teraz anulowana. Możliwe do {date}.',
  'undo.ask.confirm': 'Cofnij zakup',
  'undo.closed.text': 'Okno anulowania tego zakupu zamknięto {date}.',
  'undo.nothing.title': 'Nie ma czego cofnąć',
  'undo.nothing.text': 'Centrum partnerskie nie ma subskrypcji z tego zakupu, którą można anulować (jeszcze albo już).',
  'undo.done.title': 'Zakup cofnięty',
  'undo.partial.title': 'Zakup cofnięty częściowo',
  'undo.failed.title': 'Zakup nie został cofnięty',
  'undo.line.cancelled': '{quantity} × {name}: anulowano',
  'undo.line.refused': '{quantity} × {name}: nie anulowano. {reason}',
  'undo.line.changed': '{quantity} × {name}: nie anulowano, w międzyczasie się zmieniła (teraz {status}). Nic nie wysłano.',
};
