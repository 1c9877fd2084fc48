import { z } from 'zod';
import { declaredVerbs, defineVerb } from '../../../src/flows/card-verb';
import { startSandbox } from '../../../src/sandbox';
import { FakeConnector } from '../harness/fake-connector';
import { startBotUnderTest } from '../harness/bot-under-test';

/** The verbs cards already posted in Teams send: renaming one would break every card out there. */
const WIRE_VERBS = [
  'addon.back', 'addon.buy', 'addon.cancel', 'addon.forSubscription', 'addon.pickAddOn', 'addon.pickCustomer', 'addon.pickSubscription',
  'addon.searchCustomer', 'approval.approve', 'approval.reject', 'approval.show', 'approval.withdraw', 'cart.addLine', 'cart.buyAgain', 'cart.cancel', 'cart.confirm',
  'cart.edit', 'cart.editLine', 'cart.pickCustomer', 'cart.pickProduct', 'cart.placeOrder', 'cart.removeLine', 'cart.restartWithLines',
  'cart.review', 'cart.saveLine', 'cart.searchCustomer', 'cart.searchProduct', 'cart.show', 'cart.showRequest', 'cart.start', 'cart.undoRemove', 'order.addLine',
  'order.edit', 'order.pickCustomer', 'order.review', 'order.searchCustomer', 'purchase.undo', 'purchase.undoConfirm', 'seats.autoRenewOff', 'seats.back', 'seats.cancel',
  'seats.cancelSubscription', 'seats.change', 'seats.lowerAtRenewal', 'seats.pickCustomer', 'seats.pickSubscription', 'seats.review', 'seats.searchCustomer', 'seats.show', 'seats.undo',
  'seats.undoConfirm', 'status.show',
];

describe('the card verbs the composed bot routes', () => {
  it('starts only with every declared verb routed, under the names posted cards send', async () => {
    const bot = await startBotUnderTest();
    try {
      expect(declaredVerbs().map((verb) => verb.name).sort()).toEqual(WIRE_VERBS);
    } finally {
      await bot.stop();
    }
  });

  it('refuses to start while a card can emit a verb no feature routes', async () => {
    defineVerb('test.unrouted', z.object({}));
    const connector = new FakeConnector();
    await connector.start();
    const sandbox = await startSandbox({ port: 0 });
    try {
      await expect(startBotUnderTest({ connector, sandbox })).rejects.toThrow('declared verbs no feature routes: test.unrouted');
    } finally {
      await sandbox.close();
      await connector.stop();
    }
  });
});
