import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { startBotUnderTest, type BotUnderTest } from '../harness/bot-under-test';
import { adaptiveCardProblems } from '../../support/adaptive-card-check';
import { actionsOf, submitDataOf, text, textBlocks, type Card } from '../bot/card-helpers';
import { clicksOn } from '../bot/drive-to-confirmation';
import {
  APPROVAL_CHANNEL, APPROVER_IDS, anna, approvalThread, bruno, bystander, checkoutsOf, personalChat, postsIn, putCount, refreshOf, rep,
  requestApprovalFor, updatesOf,
} from './approval-world';
import { partnerCenterCart } from '../../../src/flows/purchase/purchase';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The card's buttons, without its refresh action. */
const buttonsOf = (card: Card) => actionsOf({ ...card, refresh: undefined });

describe('approvals in a shared channel: one decision, by the right person, seen by everyone', () => {
  let bot: BotUnderTest;
  let sandbox: RunningSandbox;
  /** Bot and Partner Center share one clock, which a test can move forward (never back). */
  let clockOffsetMs = 0;
  const now = () => new Date(Date.now() + clockOffsetMs);
  /** Every card the bot answered an invoke with; the connector keeps the ones it posted or updated. */
  const answered: Card[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, now });
    bot = await startBotUnderTest({ env: { APPROVER_IDS, APPROVAL_THRESHOLD: '0', APPROVAL_CHANNEL_ID: APPROVAL_CHANNEL }, sandbox, now });
  });
  afterAll(async () => {
    for (const card of [...answered, ...bot.connector.calls.flatMap((c) => (c.body.attachments as { content: Card }[] | undefined ?? []).map((a) => a.content))]) {
      expect(adaptiveCardProblems(card)).toEqual([]);
      expect(card.version).toBe('1.5');
    }
    await bot.stop();
    await sandbox.close();
  });

  const execute = async (user: typeof rep, cardId: string, verb: string, data: Record<string, unknown>) => {
    const response = await bot.teams.execute(user, approvalThread(cardId), cardId, verb, data);
    expect(response.status).toBe(200);
    answered.push(response.body.value);
    return response.body.value;
  };
  const refresh = async (user: typeof rep, cardId: string, card: Card) => {
    const response = await bot.teams.refresh(user, approvalThread(cardId), cardId, refreshOf(card));
    expect(response.status).toBe(200);
    expect(response.body.type).toBe('application/vnd.microsoft.card.adaptive');
    answered.push(response.body.value);
    return response.body.value;
  };
  const auditActions = async (purchaseId: string) => (await bot.app.audit.listFor({ purchaseId })).map((r) => r.action);

  it('posts the approval card to the channel and refreshes it per viewer without updating the message', async () => {
    const request = await requestApprovalFor(bot, 'post');
    expect(text(request.repAnswer)).toContain('Waiting for approval');
    expect(bot.sandbox.requests.some((r) => r.path.endsWith('/checkout'))).toBe(false);
    expect((await bot.app.purchases.load(request.purchaseId))!.purchase).toMatchObject({
      status: 'awaiting_approval',
      approval: { requestedBy: { aadObjectId: rep.aadObjectId }, attestation: { partnerOfRecord: true }, card: { activityId: request.approvalCardId } },
    });

    const base = request.approvalCard;
    expect(text(base)).toContain('Approval needed: Contoso Ltd');
    expect(text(base)).toContain('Requested by Rita Rep');
    expect(text(base)).toContain('2 × Microsoft 365 Business Basic');
    // What falls due each month and the commitment, the line's price per licence per month; no cart id, times in the reader's zone.
    expect(textBlocks(base)).toContain('Due each month: $14.40');
    expect(textBlocks(base)).toContain('Total commitment: $14.40');
    expect(textBlocks(base)).toContain('$7.20 per licence per month · 1-month term · $14.40 for the term');
    expect(text(base)).not.toContain(request.cartId);
    expect(text(base)).toMatch(/Requested by Rita Rep at \{\{DATE\(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ, SHORT\)\}\} \{\{TIME\(/);
    expect(text(base)).toContain('Cart expires');
    expect(actionsOf(base).has('approval.approve')).toBe(false);
    expect(refreshOf(base).verb).toBe('approval.show');

    const writesBefore = putCount(bot);
    const postsBefore = bot.connector.calls.length;
    for (const approver of [anna, bruno]) {
      const view = await refresh(approver, request.approvalCardId, base);
      expect([...buttonsOf(view).keys()]).toEqual(['approval.approve', 'approval.reject']);
      expect(text(view)).toContain('"id":"reason"');
    }
    for (const other of [bystander, rep]) {
      const view = await refresh(other, request.approvalCardId, base);
      expect(buttonsOf(view).size).toBe(0);
      expect(text(view)).toContain('Waiting for an approver');
    }
    await bot.app.background.idle();
    expect(putCount(bot)).toBe(writesBefore);
    expect(bot.connector.calls.length).toBe(postsBefore);
    expect(await auditActions(request.purchaseId)).toEqual(expect.arrayContaining(['approval.requested', 'approval.cardPosted']));

    const again = await bot.teams.execute(rep, request.repChat, request.repCardId, 'cart.placeOrder', request.placeOrder);
    await bot.app.background.idle();
    expect(text(again.body.value)).toContain('Waiting for approval');
    expect(postsIn(bot, APPROVAL_CHANNEL).filter((p) => text(p.card).includes(request.purchaseId))).toHaveLength(1);
  });

  it('refuses the bystander and the requester (also an approver) and changes nothing', async () => {
    const request = await requestApprovalFor(bot, 'refuse');
    const approverView = await refresh(anna, request.approvalCardId, request.approvalCard);
    const approve = actionsOf(approverView).get('approval.approve')!;
    const before = await bot.app.purchases.load(request.purchaseId);
    const writesBefore = putCount(bot);

    const byBystander = await execute(bystander, request.approvalCardId, 'approval.approve', approve);
    expect(text(byBystander)).toContain('Only an approver can decide');
    const byRequester = await execute(rep, request.approvalCardId, 'approval.reject', { ...approve, reason: 'mine' });
    expect(text(byRequester)).toContain('another approver has to decide');
    await bot.app.background.idle();

    const after = await bot.app.purchases.load(request.purchaseId);
    expect(after!.eTag).toBe(before!.eTag);
    expect(after!.purchase.status).toBe('awaiting_approval');
    expect(putCount(bot)).toBe(writesBefore);
    expect(checkoutsOf(bot, request.cartId)).toHaveLength(0);
    const refusals = (await bot.app.audit.listFor({ purchaseId: request.purchaseId })).filter((r) => r.action === 'approval.refused');
    expect(refusals.map((r) => [r.actor.aadObjectId, r.outcome])).toEqual([[bystander.aadObjectId, 'denied'], [rep.aadObjectId, 'denied']]);
  });

  it('approve by an approver from another tenant: one checkout with the attestation, everyone told', async () => {
    const request = await requestApprovalFor(bot, 'approve');
    const view = await refresh(bruno, request.approvalCardId, request.approvalCard);
    const decided = await execute(bruno, request.approvalCardId, 'approval.approve', { ...actionsOf(view).get('approval.approve')!, reason: '' });
    await bot.app.background.idle();

    expect(text(decided)).toContain('Approved by Bruno Distributor at');
    expect(text(decided)).toMatch(/Order [0-9a-zA-Z-]+: /);
    expect(checkoutsOf(bot, request.cartId)).toHaveLength(1);
    const put = bot.sandbox.requests.find((r) => r.method === 'PUT' && r.path.endsWith(`/carts/${request.cartId}`))!;
    expect(put.body).toMatchObject({ partnerOnRecordAttestationAccepted: true, lineItems: [{ quantity: 2 }] });

    const shared = updatesOf(bot, request.approvalCardId);
    expect(text(shared[shared.length - 1])).toContain('Approved by Bruno Distributor');
    expect(shared[shared.length - 1].refresh).toBeUndefined();
    const repCard = updatesOf(bot, request.repCardId);
    expect(text(repCard[repCard.length - 1])).toContain('Approved by Bruno Distributor');
    expect(text(repCard[repCard.length - 1])).toMatch(/Order [0-9a-zA-Z-]+: /);
    expect((await bot.app.purchases.load(request.purchaseId))!.purchase.status).toBe('ordered');

    const trail = await bot.app.audit.listFor({ purchaseId: request.purchaseId });
    expect(trail.map((r) => r.action).filter((action) => /^(approval|checkout)\./.test(action))).toEqual([
      'approval.requested', 'approval.cardPosted', 'approval.approved', 'checkout.started', 'checkout.ordered',
    ]);
    const approved = trail.find((r) => r.action === 'approval.approved')!;
    expect(approved.actor).toMatchObject({ aadObjectId: bruno.aadObjectId, tenantId: 'distributor-tenant' });
    expect(approved.details).toMatchObject({ decision: 'approved', approverTenantId: 'distributor-tenant' });
    expect(trail.find((r) => r.action === 'approval.requested')!.actor.aadObjectId).toBe(rep.aadObjectId);
  });

  it('reject with a reason: the cart goes back to the rep, who edits it and asks again; the old card decides nothing', async () => {
    const request = await requestApprovalFor(bot, 'reject');
    const checkoutsBefore = bot.sandbox.requests.filter((r) => r.path.endsWith('/checkout')).length;
    const view = await refresh(anna, request.approvalCardId, request.approvalCard);
    const rejected = await execute(anna, request.approvalCardId, 'approval.reject', { ...actionsOf(view).get('approval.reject')!, reason: 'Over the Q3 budget' });
    await bot.app.background.idle();
    expect(text(rejected)).toContain('Rejected by Anna Approver at');
    expect(text(rejected)).toContain('Over the Q3 budget');
    expect(checkoutsOf(bot, request.cartId)).toHaveLength(0);

    const stored = (await bot.app.purchases.load(request.purchaseId))!.purchase;
    expect(stored.status).toBe('priced');
    expect(stored.approval?.decision).toMatchObject({ outcome: 'rejected', reason: 'Over the Q3 budget', by: { aadObjectId: anna.aadObjectId } });
    const repCards = updatesOf(bot, request.repCardId);
    const told = repCards[repCards.length - 1];
    expect(text(told)).toContain('Over the Q3 budget');
    expect([...actionsOf(told).keys()]).toEqual(['cart.confirm', 'cart.edit']);
    const record = (await bot.app.audit.listFor({ purchaseId: request.purchaseId })).find((r) => r.action === 'approval.rejected')!;
    expect(record.details).toMatchObject({ decision: 'rejected', reason: 'Over the Q3 budget', approverTenantId: 'partner-tenant' });

    const click = clicksOn(bot, rep, request.repChat, told, request.repCardId);
    expect(actionsOf(await click('cart.edit')).has('cart.addLine')).toBe(true);
    expect((await bot.app.purchases.load(request.purchaseId))!.purchase.status).toBe('draft');
    await click('cart.review');
    const resubmittedCard = await click('cart.placeOrder', { attestPartnerOfRecord: 'true' });
    await bot.app.background.idle();
    expect(text(resubmittedCard)).toContain('Waiting for approval');
    const resubmitted = (await bot.app.purchases.load(request.purchaseId))!.purchase.approval!;
    expect(resubmitted.requestId).not.toBe(actionsOf(view).get('approval.approve')!.requestId);
    expect(resubmitted.card!.activityId).not.toBe(request.approvalCardId);

    const stale = await execute(anna, request.approvalCardId, 'approval.approve', actionsOf(view).get('approval.approve')!);
    expect(text(stale)).toContain('earlier request');
    expect((await bot.app.purchases.load(request.purchaseId))!.purchase.status).toBe('awaiting_approval');
    expect(bot.sandbox.requests.filter((r) => r.path.endsWith('/checkout'))).toHaveLength(checkoutsBefore);
  });

  it('two approvers at once, and one clicking twice: exactly one checkout; the others see the decision taken', async () => {
    const request = await requestApprovalFor(bot, 'race');
    const approve = actionsOf(await refresh(anna, request.approvalCardId, request.approvalCard)).get('approval.approve')!;
    const answers = await Promise.all([
      execute(anna, request.approvalCardId, 'approval.approve', approve),
      execute(bruno, request.approvalCardId, 'approval.approve', approve),
      execute(anna, request.approvalCardId, 'approval.approve', approve),
    ]);
    await bot.app.background.idle();
    expect(checkoutsOf(bot, request.cartId)).toHaveLength(1);
    const winners = answers.filter((card) => !text(card).includes('already decided'));
    expect(winners).toHaveLength(1);
    expect(text(winners[0])).toContain('Approved by');
    for (const loser of answers.filter((card) => card !== winners[0])) expect(text(loser)).toMatch(/already decided[\s\S]*Approved by/);
    const trail = await bot.app.audit.listFor({ purchaseId: request.purchaseId });
    expect(trail.filter((r) => r.action === 'approval.approved')).toHaveLength(1);
    expect(trail.filter((r) => r.action === 'checkout.started')).toHaveLength(1);
  });

  it('an expired cart cannot be approved: the card says so and the rep is offered to rebuild it', async () => {
    const request = await requestApprovalFor(bot, 'expired');
    const approve = actionsOf(await refresh(anna, request.approvalCardId, request.approvalCard)).get('approval.approve')!;
    clockOffsetMs += 8 * DAY_MS;
    const view = await refresh(anna, request.approvalCardId, request.approvalCard);
    expect([...buttonsOf(view).keys()]).toEqual(['approval.reject']);
    expect(text(view)).toContain('cannot be approved');
    const answer = await execute(anna, request.approvalCardId, 'approval.approve', approve);
    await bot.app.background.idle();
    expect(text(answer)).toContain('Cart expired: Contoso Ltd');
    expect(checkoutsOf(bot, request.cartId)).toHaveLength(0);
    expect((await bot.app.purchases.load(request.purchaseId))!.purchase.status).toBe('expired');
    const repCards = updatesOf(bot, request.repCardId);
    const told = repCards[repCards.length - 1];
    expect(text(told)).toContain('Rebuild it to get a new cart');
    const rebuilt = await bot.teams.execute(rep, request.repChat, request.repCardId, 'cart.review', actionsOf(told).get('cart.review')!);
    const newCart = partnerCenterCart((await bot.app.purchases.load(request.purchaseId))!.purchase)!.id;
    expect(newCart).not.toBe(request.cartId);
    expect(text(rebuilt.body.value)).toContain(newCart!);
    expect(await auditActions(request.purchaseId)).toContain('approval.expired');
  });

  it('pending lists what waits for an approver, with a way to open each; others get a clear answer', async () => {
    const first = await requestApprovalFor(bot, 'pending-1');
    const second = await requestApprovalFor(bot, 'pending-2');
    const annaChat = personalChat(anna);
    await bot.teams.message(anna, annaChat, 'pending');
    const list = postsIn(bot, annaChat.id).at(-1)!;
    expect(text(list.card)).toContain('Waiting for your approval');
    for (const request of [first, second]) expect(text(list.card)).toContain(request.purchaseId);

    const opened = await bot.teams.execute(anna, annaChat, list.id, 'approval.show', { purchaseId: second.purchaseId, requestId: (await bot.app.purchases.load(second.purchaseId))!.purchase.approval!.requestId });
    expect(actionsOf(opened.body.value).has('approval.approve')).toBe(true);
    const decided = await bot.teams.execute(anna, annaChat, list.id, 'approval.reject', { ...actionsOf(opened.body.value).get('approval.reject')!, reason: 'Duplicate' });
    await bot.app.background.idle();
    expect(text(decided.body.value)).toContain('Rejected by Anna Approver');
    expect(updatesOf(bot, list.id)).toHaveLength(0);
    expect(text(updatesOf(bot, second.approvalCardId).at(-1)!)).toContain('Duplicate');

    const repChat = personalChat(rep, 'pending-rep');
    await bot.teams.message(rep, repChat, 'pending');
    const repList = postsIn(bot, repChat.id).at(-1)!.card;
    expect(text(repList)).not.toContain(first.purchaseId);
    await bot.teams.message(bystander, personalChat(bystander), 'pending');
    expect(text(postsIn(bot, personalChat(bystander).id).at(-1)!.card)).toContain('You are not on the approver list');

    const third = await requestApprovalFor(bot, 'pending-3');
    expect((third.approvalCard.refresh as { userIds?: string[] }).userIds).toEqual([anna.id, bruno.id]);
  });

  it('works over Action.Submit (older and mobile clients): approve from the fallback', async () => {
    const request = await requestApprovalFor(bot, 'submit');
    const view = await refresh(anna, request.approvalCardId, request.approvalCard);
    const status = await bot.teams.submit(anna, approvalThread(request.approvalCardId), request.approvalCardId, { ...submitDataOf(view, 'approval.approve'), reason: '' });
    expect(status).toBe(200);
    await bot.app.background.idle();
    expect(checkoutsOf(bot, request.cartId)).toHaveLength(1);
    expect(text(updatesOf(bot, request.approvalCardId).at(-1)!)).toContain('Approved by Anna Approver');
    expect(text(updatesOf(bot, request.repCardId).at(-1)!)).toContain('Approved by Anna Approver');
  });
});

describe('below the approval threshold', () => {
  let bot: BotUnderTest;
  beforeAll(async () => {
    bot = await startBotUnderTest({ env: { APPROVER_IDS, APPROVAL_THRESHOLD: '1000000', APPROVAL_CHANNEL_ID: APPROVAL_CHANNEL } });
  });
  afterAll(async () => {
    await bot.stop();
  });

  it('orders at once, with no approval card', async () => {
    await expect(requestApprovalFor(bot, 'small')).rejects.toThrow('no approval card');
    expect(bot.sandbox.requests.filter((r) => r.path.endsWith('/checkout'))).toHaveLength(1);
    expect(postsIn(bot, APPROVAL_CHANNEL)).toHaveLength(0);
  });
});
