import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { CARD_NAMES, renderCard } from '../../../src/cards/render-card';

const CARDS = path.join(__dirname, '..', '..', '..', 'cards');
const STYLES = new Set(['default', 'positive', 'destructive']);

interface FoundAction { card: string; title: unknown; style: unknown }
function actionsIn(node: unknown, card: string): FoundAction[] {
  if (Array.isArray(node)) return node.flatMap((n) => actionsIn(n, card));
  if (!node || typeof node !== 'object') return [];
  const record = node as Record<string, unknown>;
  const own = typeof record.type === 'string' && record.type.startsWith('Action.') ? [{ card, title: record.title, style: record.style }] : [];
  return [...own, ...Object.values(record).flatMap((v) => actionsIn(v, card))];
}

/** Teams draws an action's style (a red Remove, a purple Place order) only when the card carries it. */
describe('card templates', () => {
  const templates = readdirSync(CARDS).filter((file) => file.endsWith('.json'));

  it('are the ones the bot renders', () => {
    expect(templates.map((file) => file.replace(/\.json$/, '')).sort()).toEqual([...CARD_NAMES].sort());
  });

  it("carry every action's style: the view's own (${style}) or a fixed one", () => {
    const actions = templates.flatMap((file) => actionsIn(JSON.parse(readFileSync(path.join(CARDS, file), 'utf8')), file));
    expect(actions.length).toBeGreaterThan(20);
    const styleless = actions.filter(({ style }) => !(typeof style === 'string' && (STYLES.has(style) || /^\$\{([\w.]+\.)?style\}$/.test(style))));
    expect(styleless).toEqual([]);
  });

  it('draw a line\'s Remove as destructive, and so does its Action.Submit fallback for older and mobile clients', () => {
    const remove = { title: 'Remove', verb: 'cart.removeLine', data: { purchaseId: 'p', version: 1, lineId: '0' }, style: 'destructive' };
    const line = { text: '2 × Office 365 E3', detail: '', actions: [remove] };
    const undo = { text: '', action: { title: 'Undo', verb: 'cart.undoRemove', data: { purchaseId: 'p', version: 1 }, style: 'default' } };
    const card = renderCard('cart-draft', { title: 'Cart for Contoso', subtitle: '', error: '', emptyText: '', undo, lines: [line], actions: [] });
    expect(actionsIn(card, 'cart-draft').filter(({ title }) => title === 'Remove')).toEqual([
      { card: 'cart-draft', title: 'Remove', style: 'destructive' },
      { card: 'cart-draft', title: 'Remove', style: 'destructive' },
    ]);
  });
});
