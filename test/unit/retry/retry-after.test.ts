import { retryAfterMs } from '../../../src/retry/retry-after';

describe('retryAfterMs', () => {
  it('takes delay-seconds and HTTP dates', () => {
    expect(retryAfterMs('0', 0)).toBe(0);
    expect(retryAfterMs(' 12 ', 0)).toBe(12_000);
    const now = Date.parse('2026-11-02T10:00:00Z');
    expect(retryAfterMs('Mon, 02 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('Mon, 02 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
  });
});
