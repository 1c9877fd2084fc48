/**
 * Teams clients that cannot run Action.Execute (older or mobile builds) use the action's `fallback`.
 * Every Action.Execute gets an Action.Submit twin carrying the verb in its data, so templates declare
 * each action once and the bot handles both shapes (docs/platform-notes.md, "Universal Actions (`Action.Execute`) and card refresh").
 * The twin keeps the action's style, so a Remove stays red where the fallback is what the rep sees.
 */
export function addSubmitFallbacks(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(addSubmitFallbacks);
  if (!node || typeof node !== 'object') return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) copy[key] = addSubmitFallbacks(value);
  if (copy.type === 'Action.Execute' && typeof copy.verb === 'string') {
    const data = { ...((copy.data as Record<string, unknown> | undefined) ?? {}), verb: copy.verb };
    copy.data = data;
    if (!copy.fallback) copy.fallback = { type: 'Action.Submit', title: copy.title, data, ...(copy.style ? { style: copy.style } : {}) };
  }
  return copy;
}
