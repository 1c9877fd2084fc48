/** Texts of order placements whose outcome is not (yet) known, and what every failure shows support. */
export const outcomeEnUS = {
  'outcome.checkingTitle': 'Checking with Partner Center…',
  'outcome.checkingText': 'Partner Center has not confirmed yet whether it placed the order for {customer}. The bot keeps asking and updates this card when it knows. Do not order the same again meanwhile.',
  'outcome.inProgressText': 'Partner Center is still processing the order for {customer}. The bot watches it and updates this card when the order is placed.',
  'outcome.unconfirmedTitle': 'Order not confirmed for {customer}',
  'outcome.unconfirmedText': 'The bot could not confirm whether Partner Center placed this order. Before ordering again, check the orders of {customer} in Partner Center.',
  'outcome.detail.customer': 'Customer {customerId}',
  'failure.code': 'Code {code}',
  'failure.http': 'HTTP {status}',
  'failure.transport': 'No answer from Partner Center ({text})',
  'failure.detail': '{what} · correlation id {correlationId} · request id {requestId}',
  'result.startedBy': 'Started by {name} · {time}',
  'result.restartWithLines': 'Start a new cart with these lines',
  'redelivery.title': 'Already done',
  'redelivery.text': 'This click was already handled; the card shows where things stand.',
} as const;
