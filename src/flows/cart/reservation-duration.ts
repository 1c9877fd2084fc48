/**
 * A reserved instance names its length twice: the line's termDuration (P1Y, P3Y) and the SKU's
 * provisioning variable `duration` ("1Year", "3Years" in create-a-cart's SDK samples). Partner Center
 * refuses a line whose two disagree, so the bot never asks for `duration`: it follows the chosen term.
 */
export function isDurationVariable(name: string): boolean {
  return name.toLowerCase() === 'duration';
}

/** P1Y → "1Year", P3Y → "3Years"; undefined for terms that are not whole years. */
export function reservationDuration(termDuration: string | undefined): string | undefined {
  const years = /^P(\d+)Y$/i.exec(termDuration ?? '')?.[1];
  if (!years) return undefined;
  return Number(years) === 1 ? '1Year' : `${Number(years)}Years`;
}
