/** Texts of `status <order id>` and of the provisioning updates. */
export const statusEnUS = {
  'status.title': 'Order {orderId}',
  'status.line': 'Status: {status} · placed {created}',
  'status.provisioningNote': 'Partner Center is still provisioning this order; that can take a few minutes. This card updates when it is done, or tap Refresh.',
  'status.orderLine': '{quantity} × {offer}',
  'status.subscription': 'Subscription {id} · {status}',
  'status.noSubscriptionYet': 'Subscription not created yet',
  'status.addOn': 'Add-on',
  'status.refresh': 'Refresh',
  'status.button': 'Status',
  'status.badId.title': 'Not an order id',
  'status.badId.text': 'Type **status** followed by the order id, e.g. status a68736758d9c.',
  'status.unknown.title': 'Order not found',
  'status.unknown.text': 'I know no order {orderId} placed through Partner Cart by your organisation, so I cannot tell which customer to ask Partner Center about.',
  'status.failed.title': 'Could not read the order',
} as const;
