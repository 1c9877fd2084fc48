import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import type { RunningSandbox } from '../../../src/sandbox';
import { text } from '../bot/card-helpers';
import type { FakeConnector } from '../harness/fake-connector';
import type { TeamsClient, TeamsConversation, TeamsUser } from '../harness/teams-client';
import { driveToConfirmation, placeOrderData, type Confirmation } from '../scale/drive-purchase';

/** Resolves when a checkout request reaches the sandbox (an HTTP server in this process), before it is answered. */
function checkoutArrival(): Promise<void> {
  return new Promise((resolve) => {
    const listener = (message: unknown) => {
      const request = (message as { request: IncomingMessage }).request;
      if (request.method !== 'POST' || !/\/carts\/[^/]+\/checkout$/.test(request.url ?? '')) return;
      unsubscribe('http.server.request.start', listener);
      resolve();
    };
    subscribe('http.server.request.start', listener);
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
