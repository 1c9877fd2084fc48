import { performance } from 'node:perf_hooks';
import { t } from '../../src/i18n/translate';
import { actionsOf, choicesOf, text } from '../../test/integration/bot/card-helpers';
import type { TeamsClient, TeamsConversation, TeamsUser } from '../../test/integration/harness/teams-client';
import type { BenchConnector, Card } from './bench-connector';
import type { Pacer } from './pacer';

/** Seed NCE licence products that take a 1-month, monthly-billed line without extra inputs. */
export const SIMPLE_PRODUCTS = ['CFQ7TTC0LH18', 'CFQ7TTC0LH0Z', 'CFQ7TTC0LFLS', 'CFQ7TTC0LFLZ', 'CFQ7TTC0LF8S'];

interface Rep {
  user: TeamsUser;
  conversation: TeamsConversation;
}

export interface TurnSample {
  step: string;
  kind: 'message' | 'invoke';
  ms: number;
}

export interface Side {
  teams: TeamsClient;
  connector: BenchConnector;
}

export interface RepOutcome {
  turns: TurnSample[];
  /** Completed purchase: the "Order placed" card reached the rep. */
  ordered: boolean;
  error?: string;
  largestCardBytes: number;
}

interface PurchasePlan {
  lines: number;
  /** Stop once the lines are saved: the cart stays open (draft). */
  stopAfterDraft?: boolean;
  /** How long a rep waits for a card a background job posts after a progress card. */
  lateCardTimeoutMs?: number;
  pacer: Pacer;
  /** Called right before and after a turn, outside its timing (to start and stop a profile). */
  around?: { before(step: string): Promise<void>; after(step: string): Promise<void> };
}

/** Times one turn inside the rep's pacing gate; only the request itself is inside the timing. */
async function timed<T>(
  gate: <R>(turn: () => Promise<R>) => Promise<R>, turns: TurnSample[], step: string, kind: TurnSample['kind'],
  request: () => Promise<T>, around?: PurchasePlan['around'],
): Promise<T> {
  return gate(async () => {
    await around?.before(step);
    const started = performance.now();
    const result = await request();
    turns.push({ step, kind, ms: performance.now() - started });
    await around?.after(step);
    return result;
  });
}

const FAILURE_TITLE = t('en-US', 'failure.title');
const ORDERED = t('en-US', 'result.orderedTitle', { customer: 'Contoso Ltd' });
const NOT_ORDERED = t('en-US', 'result.failedTitle', { customer: 'Contoso Ltd' });

export function repNumber(n: number, prefix: string): Rep {
  const hex = n.toString(16).padStart(12, '0');
  return {
    user: { id: `29:${prefix}-${n}`, aadObjectId: `11111111-1111-4111-8111-${hex}`, name: `Rep ${n}`, tenantId: 'partner-tenant' },
    conversation: { id: `a:${prefix}-${n}`, conversationType: 'personal' },
  };
}

class TurnFailed extends Error {}

/**
 * One rep buying through the cart cards exactly as Teams sends the activities (the steps of
 * drive-to-confirmation.ts, with `lines` lines and then the order), timing every turn the rep waits on.
 */
export async function buyAsRep(side: Side, rep: Rep, plan: PurchasePlan): Promise<RepOutcome> {
  const turns: TurnSample[] = [];
  const gate = plan.pacer.forRep();
  const lateCardTimeoutMs = plan.lateCardTimeoutMs ?? 60_000;
  let largestCardBytes = 0;
  let card: Card = {};
  let cardId = '';
  const see = (next: Card) => {
    card = next;
    largestCardBytes = Math.max(largestCardBytes, Buffer.byteLength(JSON.stringify(next), 'utf8'));
    if (text(next).includes(FAILURE_TITLE)) throw new TurnFailed('the bot answered with its failure card');
  };
  const click = async (step: string, verb: string, inputs: Record<string, unknown> = {}): Promise<Card> => {
    const data = actionsOf(card).get(verb);
    if (!data) throw new TurnFailed(`${step}: the card has no ${verb} action`);
    const response = await timed(gate, turns, step, 'invoke', () =>
      side.teams.execute(rep.user, rep.conversation, cardId, verb, { ...data, ...inputs }), plan.around);
    if (response.status !== 200 || response.body.type !== 'application/vnd.microsoft.card.adaptive') {
      throw new TurnFailed(`${step}: HTTP ${response.status} ${response.body.type}`);
    }
    see(response.body.value);
    return card;
  };
  /** A slow click answers with a progress card; the real one then replaces the message via the connector. */
  const settle = async (mark: number, done: (c: Card) => boolean) => {
    if (done(card)) return;
    see((await side.connector.waitFor(rep.conversation.id, mark, done, lateCardTimeoutMs)).card);
  };

  try {
    const status = await timed(gate, turns, 'new cart', 'message', () => side.teams.message(rep.user, rep.conversation, 'new cart'), plan.around);
    const posted = side.connector.latest(rep.conversation.id);
    if (status !== 200 || !posted) throw new TurnFailed(`new cart: HTTP ${status}, card posted: ${Boolean(posted)}`);
    cardId = posted.activityId;
    see(posted.card);

    // One match each: the customer search opens the product step, the product search the line card.
    await click('searchCustomer', 'cart.searchCustomer', { query: 'Contoso Ltd' });
    for (let line = 0; line < plan.lines; line += 1) {
      if (line > 0) await click('addLine', 'cart.addLine');
      const lineCard = await click('searchProduct', 'cart.searchProduct', { query: SIMPLE_PRODUCTS[line % SIMPLE_PRODUCTS.length] });
      const monthly = choicesOf(lineCard, 'offer').find((o) => o.value.endsWith('|P1M|monthly'));
      if (!monthly) throw new TurnFailed('searchProduct: no 1-month monthly offer on the line card');
      await click('saveLine', 'cart.saveLine', { offer: monthly.value, quantity: '1' });
      if (!actionsOf(card).has('cart.review')) throw new TurnFailed('saveLine: the line was not saved');
    }
    if (plan.stopAfterDraft) return { turns, ordered: false, largestCardBytes };

    let mark = side.connector.mark();
    await click('review', 'cart.review');
    await settle(mark, (c) => actionsOf(c).has('cart.placeOrder'));
    mark = side.connector.mark();
    await click('placeOrder', 'cart.placeOrder', { attestPartnerOfRecord: 'true', attestLines: 'true' });
    await settle(mark, (c) => text(c).includes(ORDERED) || text(c).includes(NOT_ORDERED));
    if (!text(card).includes(ORDERED)) throw new TurnFailed('placeOrder: the order was not placed');
    return { turns, ordered: true, largestCardBytes };
  } catch (error) {
    return { turns, ordered: false, error: error instanceof Error ? error.message : String(error), largestCardBytes };
  }
}

/** The same activities (one message, then the invokes of a one-line purchase) sent to the echo bot. */
export async function echoAsRep(side: Side, rep: Rep, pacer: Pacer): Promise<RepOutcome> {
  const turns: TurnSample[] = [];
  const gate = pacer.forRep();
  const status = await timed(gate, turns, 'new cart', 'message', () => side.teams.message(rep.user, rep.conversation, 'new cart'));
  const posted = side.connector.latest(rep.conversation.id);
  if (status !== 200 || !posted) return { turns, ordered: false, error: `echo new cart: HTTP ${status}`, largestCardBytes: 0 };
  const ref = { purchaseId: '6f1b6c1e-6a8e-4a47-9d4e-1f0c2b3a4d5e', version: 3 };
  const steps: [string, Record<string, unknown>][] = [
    ['searchCustomer', { ...ref, query: 'Contoso Ltd' }],
    ['searchProduct', { ...ref, query: SIMPLE_PRODUCTS[0] }],
    ['saveLine', { ...ref, offer: '0001|CFQ7TTC0K971|P1M|monthly', quantity: '1' }],
    ['review', ref],
    ['placeOrder', { ...ref, attestPartnerOfRecord: 'true' }],
  ];
  for (const [step, data] of steps) {
    const response = await timed(gate, turns, step, 'invoke', () =>
      side.teams.execute(rep.user, rep.conversation, posted.activityId, `cart.${step}`, data));
    if (response.status !== 200) return { turns, ordered: false, error: `echo ${step}: HTTP ${response.status}`, largestCardBytes: 0 };
  }
  return { turns, ordered: true, largestCardBytes: 0 };
}
