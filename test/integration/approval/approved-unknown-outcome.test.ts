import { actionsOf, text } from '../bot/card-helpers';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { startClockedWorld, type ClockedWorld } from '../harness/clocked-world';
import {
  anna, APPROVAL_CHANNEL, approvalThread, APPROVER_IDS, checkoutsOf, refreshOf, requestApprovalFor, updatesOf,
} from './approval-world';

/**
 * An approved purchase whose checkout answer is lost: the approver's card and the rep's card say the
 * order is being checked, and both show the order once the outcome resolver has it.
 */
describe('an approved checkout whose answer is lost', () => {
  let world: ClockedWorld;
  let bot: BotUnderTest;
  beforeAll(async () => {
    world = await startClockedWorld();
    bot = await startBotUnderTest({
      env: { APPROVER_IDS, APPROVAL_THRESHOLD: '0', APPROVAL_CHANNEL_ID: APPROVAL_CHANNEL },
      sandbox: world.sandbox, connector: world.connector, timer: world.clock, partnerCenterRetry: { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
  });
  afterAll(async () => {
    await bot.stop();
    await world.stop();
  });

  it('tells everyone it is checking, then shows the one order on the approval and the rep\'s cards', async () => {
    const request = await requestApprovalFor(bot, 'lost-answer');
    const view = (await bot.teams.refresh(anna, approvalThread(request.approvalCardId), request.approvalCardId, refreshOf(request.approvalCard))).body.value;
    world.sandbox.knobs.set({ dropConnections: { count: 4, pathPattern: '/checkout$', afterProcessing: true } });
    const decided = (await bot.teams.execute(anna, approvalThread(request.approvalCardId), request.approvalCardId, 'approval.approve', {
      ...actionsOf(view).get('approval.approve')!, reason: '',
    })).body.value;
    await bot.app.background.idle();
    world.sandbox.knobs.reset();
    expect(text(decided)).toContain('Approved by Anna Approver');
    expect((await bot.app.purchases.load(request.purchaseId))!.purchase.status).toBe('outcome_unknown');
    expect(text(updatesOf(bot, request.repCardId).at(-1)!)).toContain('Checking with Partner Center…');
    expect(text(updatesOf(bot, request.approvalCardId).at(-1)!)).toContain('Checking with Partner Center…');
    expect(updatesOf(bot, request.repCardId).some((card) => text(card).includes('Nothing was bought'))).toBe(false);

    world.clock.advance(5_000);
    await bot.app.background.idle();
    expect((await bot.app.purchases.load(request.purchaseId))!.purchase.status).toBe('ordered');
    expect(text(updatesOf(bot, request.approvalCardId).at(-1)!)).toMatch(/Order [0-9a-f]{12}: /);
    expect(text(updatesOf(bot, request.repCardId).at(-1)!)).toMatch(/Order [0-9a-f]{12}/);
    expect(checkoutsOf(bot, request.cartId).filter((r) => r.status === 201)).toHaveLength(1);
  });
});
