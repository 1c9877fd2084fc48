import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { actionsOf, buttonTitles, GUID, text, textBlocks, type Card } from '../bot/card-helpers';
import {
  APPROVAL_CHANNEL, APPROVER_IDS, anna, approvalThread, bruno, bystander, checkoutsOf, refreshOf, rep, requestApprovalFor, updatesOf,
} from './approval-world';

/** The card's buttons, without its refresh action. */
const buttonsOf = (card: Card) => actionsOf({ ...card, refresh: undefined });

describe('a rep waiting for approval: who decides, and "Withdraw request"', () => {
  let bot: BotUnderTest;
  let sandbox: RunningSandbox;
  const answered: Card[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0 });
    bot = await startBotUnderTest({ env: { APPROVER_IDS, APPROVAL_THRESHOLD: '0', APPROVAL_CHANNEL_ID: APPROVAL_CHANNEL }, sandbox });
  });
  afterAll(async () => {
    for (const card of [...answered, ...bot.connector.calls.flatMap((c) => (c.body.attachments as { content: Card }[] | undefined ?? []).map((a) => a.content))]) {
      expect(adaptiveCardProblems(card)).toEqual([]);
    }
    await bot.stop();
    await sandbox.close();
  });

  const execute = async (user: typeof rep, conversation: Parameters<BotUnderTest['teams']['execute']>[1], cardId: string, verb: string, data: Record<string, unknown>) => {
    const response = await bot.teams.execute(user, conversation, cardId, verb, data);
    expect(response.status).toBe(200);
    answered.push(response.body.value);
    return response.body.value;
  };
  const approverView = async (cardId: string, card: Card) => {
    const response = await bot.teams.refresh(anna, approvalThread(cardId), cardId, refreshOf(card));
    answered.push(response.body.value);
    return response.body.value;
  };
  const auditOf = async (purchaseId: string) => bot.app.audit.listFor({ purchaseId });

  it('names approvers only once the bot has met them, never by their Entra id', async () => {
    const request = await requestApprovalFor(bot, 'unmet');
    expect(textBlocks(request.repAnswer)).toContain('2 approvers can decide.');
    expect(text(request.repAnswer)).not.toContain(anna.aadObjectId);

    // Anna and Bruno (from another tenant) open the card in the channel; from then on the rep's card names them.
    for (const approver of [anna, bruno]) await bot.teams.refresh(approver, approvalThread(request.approvalCardId), request.approvalCardId, refreshOf(request.approvalCard));
    const named = await requestApprovalFor(bot, 'met');
    expect(textBlocks(named.repAnswer)).toContain('Approvers: Anna Approver, Bruno Distributor');
    expect(visibleGuids(named.repAnswer)).toEqual([]);
    expect(buttonTitles(named.repAnswer, 'approval.withdraw')).toEqual(['Withdraw request']);
    expect(actionsOf(named.repAnswer).get('approval.withdraw')).toMatchObject({ purchaseId: named.purchaseId, requestId: expect.any(String) });
  });

  it('withdraws: nothing bought, the audit says who, the approval card in the channel can no longer be approved', async () => {
    const request = await requestApprovalFor(bot, 'withdraw');
    const view = await approverView(request.approvalCardId, request.approvalCard);
    const approve = actionsOf(view).get('approval.approve')!;
    const withdraw = actionsOf(request.repAnswer).get('approval.withdraw')!;

    // Someone else (an approver, a bystander) with the same button data: refused, nothing changes.
    const before = await bot.app.purchases.load(request.purchaseId);
    for (const other of [anna, bystander]) {
      const refused = await execute(other, request.repChat, request.repCardId, 'approval.withdraw', withdraw);
      expect(text(refused)).toContain('Only Rita Rep, who asked for this purchase, can withdraw it');
    }
    expect((await bot.app.purchases.load(request.purchaseId))!.eTag).toBe(before!.eTag);

    const withdrawn = await execute(rep, request.repChat, request.repCardId, 'approval.withdraw', withdraw);
    await bot.app.background.idle();
    expect(text(withdrawn)).toContain('Withdrawn: Contoso Ltd');
    expect(text(withdrawn)).toContain('Withdrawn by Rita Rep at');
    expect(text(withdrawn)).toContain('Nothing was bought.');
    expect([...buttonsOf(withdrawn).keys()]).toEqual(['cart.start']);
    const stored = (await bot.app.purchases.load(request.purchaseId))!.purchase;
    expect(stored).toMatchObject({ status: 'cancelled', approval: { decision: { outcome: 'withdrawn', by: { aadObjectId: rep.aadObjectId } } } });

    const records = await auditOf(request.purchaseId);
    expect(records.filter((r) => r.action === 'approval.withdrawn').map((r) => [r.actor.aadObjectId, r.outcome])).toEqual([[rep.aadObjectId, 'succeeded']]);
    expect(records.filter((r) => r.action === 'approval.refused').map((r) => r.actor.aadObjectId)).toEqual([anna.aadObjectId, bystander.aadObjectId]);

    // The channel's card says so, without a refresh (nothing user-specific is left) or buttons.
    const shared = updatesOf(bot, request.approvalCardId).at(-1)!;
    expect(text(shared)).toContain('Withdrawn by Rita Rep');
    // Nobody can act on it any more: the cart's expiry is no longer a deadline worth showing.
    expect(text(shared)).not.toContain('Cart expires');
    expect(shared.refresh).toBeUndefined();
    expect(buttonsOf(shared).size).toBe(0);
    // An approver still holding the old buttons: told, and nothing is ordered.
    const late = await execute(anna, approvalThread(request.approvalCardId), request.approvalCardId, 'approval.approve', approve);
    expect(text(late)).toContain('The requester withdrew this request. Nothing was bought or changed.');
    expect(checkoutsOf(bot, request.cartId)).toHaveLength(0);
    expect((await bot.app.purchases.load(request.purchaseId))!.purchase.status).toBe('cancelled');

    // A second withdraw (a double tap, an old card) changes nothing more.
    const again = await execute(rep, request.repChat, request.repCardId, 'approval.withdraw', withdraw);
    expect(text(again)).toContain('Withdrawn by Rita Rep');
    expect((await auditOf(request.purchaseId)).filter((r) => r.action === 'approval.withdrawn')).toHaveLength(1);
  });

  it('a withdraw after the approval changes nothing and shows the decision', async () => {
    const request = await requestApprovalFor(bot, 'too-late');
    const view = await approverView(request.approvalCardId, request.approvalCard);
    await execute(anna, approvalThread(request.approvalCardId), request.approvalCardId, 'approval.approve', actionsOf(view).get('approval.approve')!);
    await bot.app.background.idle();
    const late = await execute(rep, request.repChat, request.repCardId, 'approval.withdraw', actionsOf(request.repAnswer).get('approval.withdraw')!);
    expect(text(late)).toContain('An approver decided before the request could be withdrawn');
    expect(text(late)).toContain('Approved by Anna Approver');
    expect(checkoutsOf(bot, request.cartId)).toHaveLength(1);
    expect((await bot.app.purchases.load(request.purchaseId))!.purchase.status).toBe('ordered');
  });

  it('an approve racing a withdraw: exactly one outcome, told to both', async () => {
    for (const round of [1, 2, 3]) {
      const request = await requestApprovalFor(bot, `race-${round}`);
      const view = await approverView(request.approvalCardId, request.approvalCard);
      const [approved, withdrawn] = await Promise.all([
        execute(anna, approvalThread(request.approvalCardId), request.approvalCardId, 'approval.approve', actionsOf(view).get('approval.approve')!),
        execute(rep, request.repChat, request.repCardId, 'approval.withdraw', actionsOf(request.repAnswer).get('approval.withdraw')!),
      ]);
      await bot.app.background.idle();
      const status = (await bot.app.purchases.load(request.purchaseId))!.purchase.status;
      const records = (await auditOf(request.purchaseId)).map((r) => r.action);
      if (status === 'cancelled') {
        expect(checkoutsOf(bot, request.cartId)).toHaveLength(0);
        expect(records).not.toContain('approval.approved');
        expect(text(approved)).toContain('The requester withdrew this request');
        expect(text(withdrawn)).toContain('Withdrawn by Rita Rep');
      } else {
        expect(status).toBe('ordered');
        expect(checkoutsOf(bot, request.cartId)).toHaveLength(1);
        expect(records).not.toContain('approval.withdrawn');
        expect(text(withdrawn)).toContain('An approver decided before the request could be withdrawn');
      }
    }
  });

  it('in Polish: the approvers and a button that fits', async () => {
    const request = await requestApprovalFor(bot, 'polish', 'pl-PL');
    expect(textBlocks(request.repAnswer)).toContain('Zatwierdzający: Anna Approver, Bruno Distributor');
    expect(buttonTitles(request.repAnswer, 'approval.withdraw')).toEqual(['Wycofaj wniosek']);
    const withdrawn = await execute(rep, request.repChat, request.repCardId, 'approval.withdraw', actionsOf(request.repAnswer).get('approval.withdraw')!);
    expect(text(withdrawn)).toContain('Wycofane przez: Rita Rep');
    expect(text(withdrawn)).toContain('Nic nie zostało kupione.');
  });
});

/** GUIDs in what the card shows (its button data carries ids, by design). */
function visibleGuids(card: Card): string[] {
  return textBlocks(card).filter((block) => GUID.test(block));
}
