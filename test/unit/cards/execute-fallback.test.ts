import { addSubmitFallbacks } from '../../../src/cards/execute-fallback';

describe('addSubmitFallbacks', () => {
  const card = () => ({
    type: 'AdaptiveCard',
    version: '1.4',
    body: [{ type: 'TextBlock', text: 'Contoso Ltd' }, { type: 'Input.ChoiceSet', id: 'offer', choices: [{ title: 'E5', value: 'e5' }] }],
    actions: [
      { type: 'Action.Execute', title: 'Remove', verb: 'cart.removeLine', data: { purchaseId: 'p1' }, style: 'destructive' },
      { type: 'Action.OpenUrl', title: 'Open', url: 'https://partner.microsoft.com/' },
    ],
  });

  it('gives each Action.Execute an Action.Submit twin carrying the verb and the style', () => {
    const out = addSubmitFallbacks(card()) as ReturnType<typeof card> & { actions: Array<Record<string, unknown>> };
    expect(out.actions[0]).toEqual({
      type: 'Action.Execute', title: 'Remove', verb: 'cart.removeLine', style: 'destructive',
      data: { purchaseId: 'p1', verb: 'cart.removeLine' },
      fallback: { type: 'Action.Submit', title: 'Remove', data: { purchaseId: 'p1', verb: 'cart.removeLine' }, style: 'destructive' },
    });
    expect(out.actions[1]).toEqual(card().actions[1]);
  });

  it('changes nothing it is given and copies only the way to an action, not the rest of the card', () => {
    const input = card();
    const out = addSubmitFallbacks(input) as ReturnType<typeof card>;
    expect(input).toEqual(card());
    expect(out).not.toBe(input);
    expect(out.actions).not.toBe(input.actions);
    expect(out.body).toBe(input.body);
    expect(out.actions[1]).toBe(input.actions[1]);
  });

  it('keeps a fallback the template declares', () => {
    const declared = { type: 'Action.Execute', title: 'Buy', verb: 'addon.buy', fallback: 'drop' };
    expect(addSubmitFallbacks(declared)).toEqual({ ...declared, data: { verb: 'addon.buy' } });
  });
});
