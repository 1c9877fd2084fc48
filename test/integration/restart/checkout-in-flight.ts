import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { RunningSandbox } from '../../../src/sandbox';
import { text } from '../bot/card-helpers';
import type { FakeConnector } from '../harness/fake-connector';
import type { TeamsClient, TeamsConversation, TeamsUser } from '../harness/teams-client';
import { driveToConfirmation, placeOrderData, type Confirmation } from '../scale/drive-purchase';

const CHECKOUT_PATH = /\/carts\/[^/]+\/checkout$/;
const POLL_MS = 20;

/** Resolves when a checkout request reaches the sandbox (an HTTP server in this process), before it is answered. */
function checkoutArrival(): Promise<void> {
  return new Promise((resolve) => {
    const listener = (message: unknown) => {
      const request = (message as { request: IncomingMessage }).request;
      if (request.method !== 'POST' || !CHECKOUT_PATH.test(request.url ?? '')) return;
      unsubscribe('http.server.request.start', listener);
      resolve();
    };
    subscribe('http.server.request.start', listener);
  });
}

/**
 * Resolves once the sandbox has answered a checkout (it records a request when it has written the
 * answer; the bot that sent it may be gone, so no response event fires). A bot started before that
 * would find the cart still being checked out (409 800064) and leave the outcome to the outcome resolver.
 */
export function checkoutAnswered(sandbox: RunningSandbox, withinMs: number): Promise<void> {
  const answered = () => sandbox.requests.some((r) => r.method === 'POST' && CHECKOUT_PATH.test(r.path));
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      if (answered()) resolve();
      else if (Date.now() - started > withinMs) reject(new Error(`the sandbox did not answer the checkout within ${withinMs} ms`));
      else return;
      clearInterval(timer);
    }, POLL_MS);
  });
}

/**
 * Drives a new cart to its confirmation, makes the sandbox's checkout take `checkoutMs`, clicks Place
 * order and resolves once the checkout reached Partner Center: the moment to stop the bot.
 */
export async function checkoutInFlight(
  teams: TeamsClient, connector: FakeConnector, sandbox: RunningSandbox, user: TeamsUser, chat: TeamsConversation, checkoutMs: number,
): Promise<Confirmation> {
  const confirmation = await driveToConfirmation([teams], connector, user, chat);
  sandbox.knobs.set({ latency: { ms: checkoutMs, pathPattern: '/checkout$' } });
  const arrived = checkoutArrival();
  const answer = await teams.execute(user, chat, confirmation.cardId, 'cart.placeOrder', placeOrderData(confirmation));
  expect(text(answer.body.value)).toContain('Placing the order');
  await arrived;
  return confirmation;
}
