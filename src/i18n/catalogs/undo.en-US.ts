/** Undo on the result of a placed purchase (cart, order, add-on): src/flows/seats/purchase-undo-handlers.ts. */
export const undoEnUS = {
  'result.undoUntil': 'Undo until {date}',
  'result.undo': 'Undo',
  'undo.ask.title': 'Undo the purchase for {customer}?',
  'undo.ask.line': '{quantity} × {name} · refund: {refund}',
  'undo.ask.until': 'Each subscription above is cancelled now. Possible until {date}.',
  'undo.ask.confirm': 'Undo purchase',
  'undo.closed.text': 'The window to cancel this purchase closed {date}.',
  'undo.nothing.title': 'Nothing to undo',
  'undo.nothing.text': 'Partner Center has no subscription of this purchase that can be cancelled (yet, or any more).',
  'undo.done.title': 'Purchase undone',
  'undo.partial.title': 'Purchase partly undone',
  'undo.failed.title': 'Purchase not undone',
  'undo.line.cancelled': '{quantity} × {name}: cancelled',
  'undo.line.refused': '{quantity} × {name}: not cancelled. {reason}',
  'undo.line.changed': '{quantity} × {name}: not cancelled, it changed meanwhile (now {status}). Nothing was sent over it.',
} as const;
