import { SlowDownError, UsageLimits } from '../../../src/flows/limits/usage-limits';

const rita = { aadObjectId: '11111111-1111-4111-8111-111111111111', tenantId: 't', name: 'Rita', userId: '29:rita' };
const carl = { aadObjectId: '22222222-2222-4222-8222-222222222222', tenantId: 't', name: 'Carl', userId: '29:carl' };

describe('per-user token buckets', () => {
  let now = 0;
  const limits = new UsageLimits({ search: { capacity: 3, perSecond: 0.5 }, draft: { capacity: 1, perSecond: 0.1 } }, { now: () => now });
  const take = (actor: typeof rita, use: 'search' | 'draft') => () => limits.take(actor, use);

  it('lets a burst through, then says how long until the next token', () => {
    for (let i = 0; i < 3; i++) expect(take(rita, 'search')).not.toThrow();
    expect(take(rita, 'search')).toThrow(expect.objectContaining({ use: 'search', retryAfterSeconds: 2, firstRefusal: true }) as SlowDownError);
    expect(take(rita, 'search')).toThrow(expect.objectContaining({ firstRefusal: false }) as SlowDownError);
  });

  it('keeps users and uses apart', () => {
    expect(take(carl, 'search')).not.toThrow();
    expect(take(rita, 'draft')).not.toThrow();
    expect(take(rita, 'draft')).toThrow(SlowDownError);
  });

  it('refills at its rate, never above its capacity', () => {
    now += 2000;
    expect(take(rita, 'search')).not.toThrow();
    expect(take(rita, 'search')).toThrow(SlowDownError);
    now += 3_600_000;
    for (let i = 0; i < 3; i++) expect(take(rita, 'search')).not.toThrow();
    expect(take(rita, 'search')).toThrow(SlowDownError);
  });
});
