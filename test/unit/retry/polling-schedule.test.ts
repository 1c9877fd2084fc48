import { pollingDelay } from '../../../src/retry/polling-schedule';

describe('a polling schedule', () => {
  const schedule = { delaysMs: [1_000, 5_000], longestMs: 60_000 };

  it('waits the planned delays, then the longest one for every later check', () => {
    expect([0, 1, 2, 10].map((checksDone) => pollingDelay(schedule, checksDone))).toEqual([1_000, 5_000, 60_000, 60_000]);
  });

  it('never checks sooner than a Retry-After asks, nor later than planned for a shorter one', () => {
    expect(pollingDelay(schedule, 0, 30)).toBe(30_000);
    expect(pollingDelay(schedule, 2, 30)).toBe(60_000);
  });
});
