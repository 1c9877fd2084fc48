import type { AdaptiveCard } from '../flows/ports';

/** Teams' documented bot message limit has been 28 KB, 40 KB and 100 KB; the smallest is the safe budget. */
export const MAX_CARD_BYTES = 28 * 1024;

class CardGuardError extends Error {
  constructor(cardName: string, problem: string) {
    super(`card "${cardName}" ${problem}`);
    this.name = 'CardGuardError';
  }
}

/**
 * Rules every card must meet before it is sent (docs/architecture.md, rule 8): a version (mobile will not render a card
 * without one), no template expression left unresolved (adaptivecards-templating leaves `${x}` literal),
 * and the size budget.
 */
export function guardCard(cardName: string, card: AdaptiveCard): void {
  if (!card.version) throw new CardGuardError(cardName, 'has no version');
  const json = JSON.stringify(card);
  const unresolved = /\$\{[^}]*\}/.exec(json);
  if (unresolved) throw new CardGuardError(cardName, `left ${unresolved[0]} unresolved`);
  const bytes = Buffer.byteLength(json, 'utf8');
  if (bytes > MAX_CARD_BYTES) throw new CardGuardError(cardName, `is ${bytes} bytes, over the ${MAX_CARD_BYTES}-byte budget`);
}

/**
 * User text shown on a card can contain `${…}`; the template engine never evaluates data values, but the
 * guard above would take it for an unresolved expression. A word joiner keeps it visibly identical.
 */
export function displayText(value: string): string {
  return value.replace(/\$\{/g, '$\u2060{');
}
