export type Card = Record<string, unknown>;

function walk(node: unknown, visit: (record: Record<string, unknown>) => void): void {
  if (Array.isArray(node)) return node.forEach((n) => walk(n, visit));
  if (!node || typeof node !== 'object') return;
  visit(node as Record<string, unknown>);
  Object.values(node).forEach((n) => walk(n, visit));
}

/** Every Action.Execute in a card, keyed by verb, with the data a Teams client would send. */
export function actionsOf(card: Card): Map<string, Record<string, unknown>> {
  const found = new Map<string, Record<string, unknown>>();
  walk(card, (r) => {
    if (r.type === 'Action.Execute' && typeof r.verb === 'string') found.set(r.verb, r.data as Record<string, unknown>);
  });
  return found;
}

/**
 * The Action.Execute data of the first button with `verb` whose data has `key` = `value` (case-insensitive):
 * one button among a list of customers, subscriptions or add-ons.
 */
export function buttonData(card: Card, verb: string, key: string, value: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  walk(card, (r) => {
    const data = r.data as Record<string, unknown> | undefined;
    if (!found && r.type === 'Action.Execute' && r.verb === verb && String(data?.[key]).toLowerCase() === value.toLowerCase()) found = data;
  });
  if (!found) throw new Error(`no ${verb} button with ${key}=${value} in ${text(card).slice(0, 400)}`);
  return found;
}

/** The text of every TextBlock of a card, as sent (Teams renders it as markdown). */
export function textBlocks(card: Card): string[] {
  const texts: string[] = [];
  walk(card, (r) => {
    if (r.type === 'TextBlock') texts.push(String(r.text));
  });
  return texts;
}

/** The titles of a card's Action.Execute buttons with `verb`, as Teams shows them (unrendered). */
export function buttonTitles(card: Card, verb: string): string[] {
  const titles: string[] = [];
  walk(card, (r) => {
    if (r.type === 'Action.Execute' && r.verb === verb) titles.push(String(r.title));
  });
  return titles;
}

/** The Action.Submit fallback data of a verb: what an older or mobile client sends instead. */
export function submitDataOf(card: Card, verb: string): Record<string, unknown> {
  let data: Record<string, unknown> | undefined;
  walk(card, (r) => {
    if (r.type === 'Action.Submit' && (r.data as Record<string, unknown> | undefined)?.verb === verb) data = r.data as Record<string, unknown>;
  });
  if (!data) throw new Error(`no Action.Submit for ${verb}`);
  return data;
}

export function choicesOf(card: Card, inputId: string): { title: string; value: string }[] {
  let choices: { title: string; value: string }[] = [];
  walk(card, (r) => {
    if (r.id === inputId && Array.isArray(r.choices)) choices = r.choices as typeof choices;
  });
  return choices;
}

export const text = (card: Card) => JSON.stringify(card);

function hiddenDetails(card: Card): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  walk(card, (r) => {
    if (!found && r.type === 'Container' && r.id === 'details') found = r;
  });
  return found;
}

/** The text under a card's "Details" toggle (hidden until tapped): the ids support needs. */
export function detailTexts(card: Card): string[] {
  const details = hiddenDetails(card);
  return details ? textBlocks(details) : [];
}

/** The TextBlocks a rep sees without tapping "Details". */
export function visibleTexts(card: Card): string[] {
  const hidden = new Set(detailTexts(card));
  return textBlocks(card).filter((block) => !hidden.has(block));
}

/** Every Action.OpenUrl of a card: its title and address. */
export function linksOf(card: Card): { title: string; url: string }[] {
  const links: { title: string; url: string }[] = [];
  walk(card, (r) => {
    if (r.type === 'Action.OpenUrl') links.push({ title: String(r.title), url: String(r.url) });
  });
  return links;
}

/** A GUID anywhere in the text. */
export const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
