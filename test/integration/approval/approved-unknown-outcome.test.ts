import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { actionsOf, text } from '../bot/card-helpers';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { FakeConnector } from '../harness/fake-connector';
import { ManualClock } from '../status/manual-clock';
import {
  anna, APPROVAL_CHANNEL, approvalThread, APPROVER_IDS, checkoutsOf, refreshOf, requestApprovalFor, updatesOf,
} from './approval-world';

/**
 * An approved purchase whose checkout answer is lost: the approver's card and the rep's card say the
 * order is being checked, and both show the order once the outcome resolver has it.
 */
describe('an approved checkout whose answer is lost', () => {
  const clock = new ManualClock(new Date());
  const connector = new FakeConnector();
  let sandbox: RunningSandbox;
  let bot: BotUnderTest;
  beforeAll(async () => {
    await connector.start();
    sandbox = await startSandbox({ port: 0, now: clock.now });
    bot = await startBotUnderTest({
      env: { APPROVER_IDS, APPROVAL_THRESHOLD: '0', APPROVAL_CHANNEL_ID: APPROVAL_CHANNEL }, sandbox, connector, timer: clock,
      partnerCenterRetry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
  });
  afterAll(async () => {
    await bot.stop();
    await sandbox.close();
    await connector.stop();
  });

  it('tells everyone it is checking, then shows the one order on the approval and the rep\'s cards', async () => {
    const request = await requestApprovalFor(bot, 'lost-answer');
    const view = (await bot.teams.refresh(anna, approvalThread(request.approvalCardId), request.approvalCardId, refreshOf(request.approvalCard))).body.value;
    sandbox.knobs.set({ dropConnections: { count: 4, pathPattern: '/checkout$', afterProcessing: true } });
    const decided = (await bot.teams.execute(anna, approvalThread(request.approvalCardId), request.approvalCardId, 'approval.approve', {
      ...actionsOf(view).get('approval.approve')!, reason: '',
    })).body.value;
    await bot.app.background.idle();
    sandbox.knobs.reset();
    expect(text(decided)).toContain('Approved by Anna Approver');
    expect((await bot.app.purchases.load(request.purchaseId))!.purchase.status).toBe('outcome_unknown');
    expect(text(updatesOf(bot, request.repCardId).at(-1)!)).toContain('Checking with Partner Center…');
    expect(text(updatesOf(bot, request.approvalCardId).at(-1)!)).toContain('Checking with Partner Center…');
    expect(updatesOf(bot, request.repCardId).some((card) => text(card).includes('Nothing was bought'))).toBe(false);

    clock.advance(5_000);
    await bot.app.background.idle();
    expect((await bot.app.purchases.load(request.purchaseId))!.purchase.status).toBe('ordered');
    expect(text(updatesOf(bot, request.approvalCardId).at(-1)!)).toMatch(/Order [0-9a-f]{12}: /);
    expect(text(updatesOf(bot, request.repCardId).at(-1)!)).toMatch(/Order [0-9a-f]{12}/);
    expect(checkoutsOf(bot, request.cartId).filter((r) => r.status === 201)).toHaveLength(1);
  });
});
