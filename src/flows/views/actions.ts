/** An Action.Execute as the templates expect it; `style` is always set so no `${style}` stays unresolved. */
export interface CardAction {
  title: string;
  verb: string;
  data: Record<string, unknown>;
  style: 'default' | 'positive' | 'destructive';
}

export function action(
  title: string,
  verb: string,
  data: Record<string, unknown>,
  style: CardAction['style'] = 'default',
): CardAction {
  return { title, verb, data, style };
}

/** The data every purchase card action carries: the purchase id and the version it was drawn from. */
export function refOf(purchase: { id: string; version: number }): { purchaseId: string; version: number } {
  return { purchaseId: purchase.id, version: purchase.version };
}
