import {
  cancelled, changeOptions, checkTargetQuantity, verdictFromReadBack, withAutoRenew, withQuantity, withScheduledQuantity,
} from '../../../src/partner-center/subscription-changes';
import { subscriptionSchema, type Subscription } from '../../../src/partner-center/schemas';

const NOW = new Date('2026-12-04T12:00:00Z');
const HOUR_MS = 60 * 60 * 1000;
const at = (hoursFromNow: number) => new Date(NOW.getTime() + hoursFromNow * HOUR_MS);

/** Contoso's E5 as Partner Center answers it: 15 seats, 5 of them added recently and still reducible. */
function nceE5(overrides: Record<string, unknown> = {}): Subscription {
  return subscriptionSchema.parse({
    id: 'sub-1',
    offerId: 'CFQ7TTC0LF8S:0001:CFQ7TTC0VZW5',
    productType: { id: 'OnlineServicesNCE', displayName: 'OnlineServicesNCE' },
    quantity: 15,
    status: 'active',
    autoRenewEnabled: true,
    billingType: 'license',
    billingCycle: 'monthly',
    termDuration: 'P1Y',
    commitmentEndDate: '2027-10-04T00:00:00Z',
    cancellationAllowedUntilDate: at(-1200).toISOString(),
    refundableQuantity: { totalQuantity: 5, details: [{ quantity: 5, allowedUntilDateTime: at(48).toISOString() }] },
    attributes: { etag: '"e1"', objectType: 'Subscription' },
    ...overrides,
  });
}

describe('what a rep may do with a subscription', () => {
  it('offers reducing by the open batches until the first of them closes, cancelling closed since the purchase window ended', () => {
    const subscription = nceE5({
      refundableQuantity: {
        totalQuantity: 7,
        details: [{ quantity: 5, allowedUntilDateTime: at(48).toISOString() }, { quantity: 2, allowedUntilDateTime: at(120).toISOString() }],
      },
    });
    expect(changeOptions(subscription, NOW)).toEqual({
      currentQuantity: 15,
      canIncrease: true,
      reduce: { kind: 'allowed', byAtMost: 7, lowestTotal: 8, until: at(48), batches: [{ quantity: 5, until: at(48) }, { quantity: 2, until: at(120) }] },
      cancel: { kind: 'window_closed', closedAt: at(-1200) },
      canTurnOffAutoRenew: true,
      canScheduleLowerQuantity: true,
      renewsOn: new Date('2027-10-04T00:00:00Z'),
    });
  });

  it('still allows the reduction at the last instant of the window, and not a millisecond after', () => {
    const subscription = nceE5();
    expect(checkTargetQuantity(subscription, 10, at(48))).toEqual({ kind: 'decrease', by: 5, until: at(48) });
    const after = new Date(at(48).getTime() + 1);
    expect(checkTargetQuantity(subscription, 10, after)).toEqual({ kind: 'cannot_reduce', reason: { kind: 'window_closed', closedAt: at(-1200) } });
    expect(changeOptions(subscription, after).reduce).toEqual({ kind: 'window_closed', closedAt: at(-1200) });
  });

  it('refuses a target below the refundable seats with how far it can go, and takes any higher total', () => {
    const subscription = nceE5();
    expect(checkTargetQuantity(subscription, 9, NOW)).toEqual({ kind: 'below_refundable', lowestTotal: 10, until: at(48) });
    expect(checkTargetQuantity(subscription, 40, NOW)).toEqual({ kind: 'increase', by: 25 });
    expect(checkTargetQuantity(subscription, 15, NOW)).toEqual({ kind: 'unchanged' });
    expect(checkTargetQuantity(subscription, 0, NOW)).toEqual({ kind: 'not_a_seat_count' });
    expect(checkTargetQuantity(subscription, 2.5, NOW)).toEqual({ kind: 'not_a_seat_count' });
  });

  it('cancels a fresh purchase until cancellationAllowedUntilDate inclusive, with a full refund while refundOptions say so', () => {
    const fresh = nceE5({
      quantity: 3,
      cancellationAllowedUntilDate: at(100).toISOString(),
      refundableQuantity: { totalQuantity: 3, details: [{ quantity: 3, allowedUntilDateTime: at(100).toISOString() }] },
      refundOptions: [{ type: 'Full', expiresAt: at(24).toISOString() }, { type: 'Partial', expiresAt: at(100).toISOString() }],
    });
    expect(changeOptions(fresh, NOW).cancel).toEqual({ kind: 'allowed', until: at(100), refund: 'full' });
    expect(changeOptions(fresh, at(25)).cancel).toEqual({ kind: 'allowed', until: at(100), refund: 'partial' });
    expect(changeOptions(fresh, at(100)).cancel).toEqual({ kind: 'allowed', until: at(100), refund: 'partial' });
    expect(changeOptions(fresh, new Date(at(100).getTime() + 1)).cancel).toEqual({ kind: 'window_closed', closedAt: at(100) });
    expect(changeOptions(nceE5({ cancellationAllowedUntilDate: at(1).toISOString() }), NOW).cancel).toMatchObject({ refund: 'partial' });
  });

  it('never reduces software or SaaS seats, lets a legacy licence go down to one seat at any time without a cancel window', () => {
    const software = nceE5({ productType: { id: 'Software' }, refundableQuantity: null });
    expect(checkTargetQuantity(software, 10, NOW)).toEqual({ kind: 'cannot_reduce', reason: { kind: 'not_for_this_product' } });
    const legacy = nceE5({ productType: { id: 'OnlineServices' }, refundableQuantity: null, cancellationAllowedUntilDate: null, commitmentEndDate: null });
    expect(changeOptions(legacy, NOW)).toMatchObject({ reduce: { kind: 'allowed', byAtMost: 14, lowestTotal: 1 }, cancel: { kind: 'not_offered' }, canScheduleLowerQuantity: false });
    expect(changeOptions(nceE5({ productType: { id: 'OnlineServices' }, quantity: 1 }), NOW).reduce).toEqual({ kind: 'at_minimum' });
    const azure = nceE5({ productType: { id: 'Azure' }, billingType: 'usage', quantity: 1 });
    expect(checkTargetQuantity(azure, 2, NOW)).toEqual({ kind: 'cannot_increase' });
  });

  it('offers nothing on a cancelled subscription, and no second schedule-down once auto-renew is off', () => {
    expect(changeOptions(nceE5({ status: 'deleted' }), NOW)).toMatchObject({
      canIncrease: false, reduce: { kind: 'not_active' }, cancel: { kind: 'not_active' }, canTurnOffAutoRenew: false, canScheduleLowerQuantity: false,
    });
    expect(changeOptions(nceE5({ autoRenewEnabled: false }), NOW)).toMatchObject({ canTurnOffAutoRenew: false, canScheduleLowerQuantity: false });
  });

  it('treats a one-seat subscription with an open batch as cancel-only', () => {
    const single = nceE5({ quantity: 1, refundableQuantity: { totalQuantity: 1, details: [{ quantity: 1, allowedUntilDateTime: at(5).toISOString() }] } });
    expect(changeOptions(single, NOW).reduce).toEqual({ kind: 'at_minimum' });
  });
});

describe('the PATCH bodies', () => {
  it('send the whole subscription back with only the change, the quantity as a target', () => {
    const subscription = nceE5();
    expect(withQuantity(subscription, 20)).toEqual({ ...subscription, quantity: 20 });
    expect(cancelled(subscription)).toEqual({ ...subscription, status: 'deleted' });
    expect(withAutoRenew(subscription, false)).toEqual({ ...subscription, autoRenewEnabled: false });
  });

  it('schedules fewer seats at renewal on the subscription’s own product, term and billing cycle', () => {
    expect(withScheduledQuantity(nceE5(), 8).scheduledNextTermInstructions).toEqual({
      product: { productId: 'CFQ7TTC0LF8S', skuId: '0001', availabilityId: 'CFQ7TTC0VZW5', billingCycle: 'monthly', termDuration: 'P1Y' },
      quantity: 8,
    });
    const scheduled = withScheduledQuantity(nceE5(), 8);
    expect(withScheduledQuantity(scheduled, 6).scheduledNextTermInstructions).toEqual({ ...scheduled.scheduledNextTermInstructions, quantity: 6 });
  });
});

describe('whether a change whose answer was lost was applied', () => {
  it('compares the subscription read back with the requested target', () => {
    const change = { kind: 'quantity', from: 15, to: 20 } as const;
    expect(verdictFromReadBack(change, nceE5({ quantity: 20 }))).toBe('applied');
    expect(verdictFromReadBack(change, nceE5())).toBe('not_applied');
    expect(verdictFromReadBack(change, nceE5({ quantity: 17 }))).toBe('changed_otherwise');
    expect(verdictFromReadBack({ kind: 'cancel' }, nceE5({ status: 'deleted' }))).toBe('applied');
    expect(verdictFromReadBack({ kind: 'cancel' }, nceE5())).toBe('not_applied');
    expect(verdictFromReadBack({ kind: 'auto_renew', enabled: false }, nceE5({ autoRenewEnabled: false }))).toBe('applied');
    expect(verdictFromReadBack({ kind: 'scheduled_quantity', quantity: 8 }, withScheduledQuantity(nceE5(), 8))).toBe('applied');
    expect(verdictFromReadBack({ kind: 'scheduled_quantity', quantity: 8 }, nceE5())).toBe('not_applied');
  });

  it('calls a renewal change overtaken when someone else changed what it acts on', () => {
    expect(verdictFromReadBack({ kind: 'auto_renew', enabled: false }, nceE5({ autoRenewEnabled: true }))).toBe('not_applied');
    expect(verdictFromReadBack({ kind: 'auto_renew', enabled: false }, nceE5({ status: 'deleted', autoRenewEnabled: true }))).toBe('changed_otherwise');
    const othersSchedule = withScheduledQuantity(nceE5(), 12);
    expect(verdictFromReadBack({ kind: 'scheduled_quantity', quantity: 8 }, othersSchedule)).toBe('changed_otherwise');
    expect(verdictFromReadBack({ kind: 'scheduled_quantity', quantity: 8, scheduledBefore: 12 }, othersSchedule)).toBe('not_applied');
    expect(verdictFromReadBack({ kind: 'scheduled_quantity', quantity: 8 }, nceE5({ autoRenewEnabled: false }))).toBe('changed_otherwise');
  });
});
