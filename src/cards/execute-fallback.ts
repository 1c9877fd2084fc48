/**
 * Teams clients that cannot run Action.Execute (older or mobile builds) use the action's `fallback`.
 * Every Action.Execute gets an Action.Submit twin carrying the verb in its data, so templates declare
 * each action once and the bot handles both shapes (docs/platform-notes.md, "Universal Actions (`Action.Execute`) and card refresh").
 * The twin keeps the action's style, so a Remove stays red where the fallback is what the rep sees.
 */
export function addSubmitFallbacks(node: unknown): unknown {
  // A card is rendered on most turns, so this copies only the nodes on the way to an Action.Execute
  // (copying every node, through Object.entries, allocated 14–20 KB per card for the collector to clear).
  // Nothing is changed in place: the template can put objects of the view data into the card.
  if (Array.isArray(node)) {
    let items: unknown[] | undefined;
    for (let index = 0; index < node.length; index += 1) {
      const item = addSubmitFallbacks(node[index]);
      if (item !== node[index]) (items ??= node.slice())[index] = item;
    }
    return items ?? node;
  }
  if (!node || typeof node !== 'object') return node;
  const fields = node as Record<string, unknown>;
  let copy: Record<string, unknown> | undefined;
  for (const key in fields) {
    const value = fields[key];
    const withFallbacks = addSubmitFallbacks(value);
    if (withFallbacks !== value) (copy ??= { ...fields })[key] = withFallbacks;
  }
  return withSubmitTwin(copy ?? fields);
}

function withSubmitTwin(fields: Record<string, unknown>): Record<string, unknown> {
  if (fields.type !== 'Action.Execute' || typeof fields.verb !== 'string') return fields;
  const data = { ...((fields.data as Record<string, unknown> | undefined) ?? {}), verb: fields.verb };
  const fallback = fields.fallback ?? { type: 'Action.Submit', title: fields.title, data, ...(fields.style ? { style: fields.style } : {}) };
  return { ...fields, data, fallback };
}
