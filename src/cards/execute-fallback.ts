/**
 * Teams clients that cannot run Action.Execute (older or mobile builds) use the action's `fallback`.
 * Every Action.Execute gets an Action.Submit twin carrying the verb in its data, so templates declare
 * each action once and the bot handles both shapes (docs/platform-notes.md, "Universal Actions (`Action.Execute`) and card refresh").
 * The twin keeps the action's style, so a Remove stays red where the fallback is what the rep sees.
 */
export function addSubmitFallbacks(node: unknown): unknown {
  if (Array.isArray(node)) {
    const items = node.map(addSubmitFallbacks);
    return items.some((item, index) => item !== node[index]) ? items : node;
  }
  if (!node || typeof node !== 'object') return node;
  // Only the nodes on the way to an Action.Execute are copied: a card is rendered on most turns, and
  // copying every node of it was garbage for the collector. Nothing is changed in place, since the
  // template can put objects of the view data into the card.
  let copy: Record<string, unknown> | undefined;
  for (const [key, value] of Object.entries(node)) {
    const expanded = addSubmitFallbacks(value);
    if (expanded !== value) (copy ??= { ...node })[key] = expanded;
  }
  const fields = copy ?? (node as Record<string, unknown>);
  if (fields.type !== 'Action.Execute' || typeof fields.verb !== 'string') return fields;
  const data = { ...((fields.data as Record<string, unknown> | undefined) ?? {}), verb: fields.verb };
  const fallback = fields.fallback ?? { type: 'Action.Submit', title: fields.title, data, ...(fields.style ? { style: fields.style } : {}) };
  return { ...fields, data, fallback };
}
