/** The data every purchase card action carries: the purchase id and the version it was drawn from. */
export function refOf(purchase: { id: string; version: number }): { purchaseId: string; version: number } {
  return { purchaseId: purchase.id, version: purchase.version };
}
