import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { actionsOf, choicesOf, text, type Card } from './card-helpers';
import { draftForContoso, startCart } from './drive-to-confirmation';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '11111111-1111-4111-8111-111111111111', name: 'Rita Rep', tenantId: 'partner-tenant' };
const chat: TeamsConversation = { id: 'a:line-editing', conversationType: 'personal' };
const E5 = 'CFQ7TTC0LF8S';

interface Button { title: string; verb: string; style: string; data: Record<string, unknown> }

function buttons(node: unknown): Button[] {
  if (Array.isArray(node)) return node.flatMap(buttons);
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = record.type === 'Action.Execute' ? [record as unknown as Button] : [];
  return [...own, ...Object.values(record).flatMap(buttons)];
}

function quantityInput(card: Card): unknown {
  let value: unknown;
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    const record = node as Record<string, unknown>;
    if (record.type === 'Input.Number' && record.id === 'quantity') value = record.value;
    Object.values(record).forEach(visit);
  };
  visit(card);
  return value;
}

describe('editing a cart line by line (Edit, Remove, Undo) and the quantity field', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest();
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('gives each line its own Edit and a destructive Remove, and Undo puts a removed line back where it stood', async () => {
    const click = await startCart(bot, rep, chat);
    await draftForContoso(click);
    await click('cart.addLine');
    const line = await click('cart.pickProduct', { choice: E5 });
    expect(quantityInput(line)).toBe(1);
    const yearly = choicesOf(line, 'offer').find((o) => o.value.includes('|P1Y|monthly'))!;

    const refused = await click('cart.saveLine', { offer: yearly.value, quantity: '0' });
    expect(text(refused)).toContain('Enter a whole number');
    expect(quantityInput(refused)).toBe(0);
    const typo = await click('cart.saveLine', { offer: yearly.value, quantity: 'ten' });
    expect(quantityInput(typo)).toBe('ten');

    const draft = await click('cart.saveLine', { offer: yearly.value, quantity: '3' });
    const edits = buttons(draft).filter((b) => b.verb === 'cart.editLine');
    const removes = buttons(draft).filter((b) => b.verb === 'cart.removeLine');
    expect(edits).toHaveLength(2);
    expect(removes).toHaveLength(2);
    expect(removes.every((b) => b.style === 'destructive')).toBe(true);
    expect(removes.map((b) => b.data.lineId)).toEqual(edits.map((b) => b.data.lineId));
    expect(new Set(removes.map((b) => b.data.lineId)).size).toBe(2);
    expect(text(draft)).not.toContain('Input.ChoiceSet');

    const [first, second] = removes;
    const removed = await click('cart.removeLine', first.data);
    expect(text(removed)).not.toContain('2 × Microsoft 365 Business Basic"');
    expect(text(removed)).toContain('Removed 2 × Microsoft 365 Business Basic');
    expect(buttons(removed).filter((b) => b.verb === 'cart.removeLine').map((b) => b.data.lineId)).toEqual([second.data.lineId]);

    const restored = await click('cart.undoRemove');
    expect(buttons(restored).filter((b) => b.verb === 'cart.removeLine').map((b) => b.data.lineId)).toEqual([first.data.lineId, second.data.lineId]);
    expect(actionsOf(restored).has('cart.undoRemove')).toBe(false);
    const audit = bot.sandbox.requests.filter((r) => r.method !== 'GET');
    expect(audit).toHaveLength(0);

    const edit = buttons(restored).find((b) => b.verb === 'cart.editLine' && b.data.lineId === second.data.lineId)!;
    const editing = await click('cart.editLine', edit.data);
    expect(quantityInput(editing)).toBe(3);
  });
});
