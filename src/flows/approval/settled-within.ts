/**
 * Waits for `work` at most `budgetMs`: true if it settled in time. A click is answered within about a
 * second (docs/architecture.md, rule 6); work that takes longer carries on and reports through the gateway.
 */
export async function settledWithin(budgetMs: number, work: Promise<unknown>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), budgetMs);
  });
  const settled = work.then(() => true as const, () => true as const);
  const result = await Promise.race([settled, late]);
  clearTimeout(timer);
  return result;
}
