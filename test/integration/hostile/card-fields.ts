import type { Card } from '../bot/card-helpers';

type Element = Record<string, unknown>;

function siblingLists(node: unknown, found: Element[][] = []): Element[][] {
  if (Array.isArray(node)) {
    found.push(node as Element[]);
    node.forEach((child) => siblingLists(child, found));
  } else if (node && typeof node === 'object') {
    Object.values(node).forEach((child) => siblingLists(child, found));
  }
  return found;
}

/** The input with this id, wherever it sits in the card. */
export function inputOf(card: Card, id: string): Element | undefined {
  return siblingLists(card).flat().find((element) => element?.id === id);
}

/** The warning shown right under an input (the element after it), or undefined when there is none. */
export function messageUnder(card: Card, id: string): string | undefined {
  for (const list of siblingLists(card)) {
    const index = list.findIndex((element) => element?.id === id);
    if (index < 0) continue;
    const next = list[index + 1];
    return next?.type === 'TextBlock' && next.color === 'Attention' ? String(next.text) : undefined;
  }
  return undefined;
}

/** Every warning on the card, in order. */
export function warningsOf(card: Card): string[] {
  return siblingLists(card).flat().filter((e) => e?.type === 'TextBlock' && e.color === 'Attention').map((e) => String(e.text));
}
