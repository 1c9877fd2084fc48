import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { text } from '../bot/card-helpers';
import { startChildBot, type ChildBot } from '../harness/child-bot';
import { FakeConnector } from '../harness/fake-connector';
import type { TeamsConversation, TeamsUser } from '../harness/teams-client';
import { driveToConfirmation, placeOrderData } from '../scale/drive-purchase';

const rep: TeamsUser = { id: '29:rep', aadObjectId: '88888888-8888-4888-8888-888888888888', name: 'Rita Rep', tenantId: 'partner-tenant' };
const chat: TeamsConversation = { id: 'a:personal-embedded-restart', conversationType: 'personal' };

/**
 * `npm start` without PARTNER_CENTER_BASE_URL runs its own sandbox; its carts and orders live in DATA_DIR
 * beside the bot's purchases, so a restart of the process loses neither side of a purchase.
 */
describe('the embedded sandbox of `npm start` across a restart (DATA_DIR)', () => {
  let dataDir: string;
  const connector = new FakeConnector();
  const running: ChildBot[] = [];
  const startBot = async () => {
    const bot = await startChildBot({ DATA_DIR: dataDir, PARTNER_CENTER_BASE_URL: '' });
    running.push(bot);
    return bot;
  };
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'partner-cart-embedded-'));
    await connector.start();
  });
  afterAll(async () => {
    await Promise.all(running.map((bot) => bot.kill('SIGTERM')));
    await connector.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('checks out after a restart the cart priced before it, then finds the order after another', async () => {
    const first = await startBot();
    const confirmation = await driveToConfirmation([first.teams(connector.serviceUrl)], connector, rep, chat);
    await first.kill('SIGKILL');

    const second = await startBot();
    const placed = await second.teams(connector.serviceUrl).execute(rep, chat, confirmation.cardId, 'cart.placeOrder', placeOrderData(confirmation));
    const ordered = text(placed.body.value);
    expect(ordered).toContain('Order placed for Contoso Ltd');
    const orderId = /\b([0-9a-f]{12})\b/.exec(ordered)?.[1];
    expect(orderId).toBeDefined();
    await second.kill('SIGTERM');

    const third = await startBot();
    const posted = connector.calls.length;
    expect(await third.teams(connector.serviceUrl).message(rep, chat, `status ${orderId}`)).toBe(200);
    const status = connector.calls.slice(posted).map((call) => text(call.body)).join('\n');
    expect(status).toContain(orderId);
    expect(status).not.toMatch(/not found|could not/i);
  }, 90_000);
});
