import { RequestReplayCache } from '../../../src/sandbox/http/replay';
import type { SandboxResponse } from '../../../src/sandbox/http/types';

const answer = (status: number): Promise<SandboxResponse> => Promise.resolve({ status, body: {} });

describe('the MS-RequestId replay cache', () => {
  it('replays the newest entries and lets the oldest go past its limit', async () => {
    const cache = new RequestReplayCache(2);
    cache.remember('POST /carts id-1', '{}', answer(201));
    cache.remember('POST /carts id-2', '{}', answer(201));
    cache.remember('POST /carts/x/checkout id-3', '{}', answer(201));

    expect(cache.lookup('POST /carts id-1', '{}')).toEqual({ kind: 'new' });
    expect(cache.lookup('POST /carts id-2', '{"other":true}')).toEqual({ kind: 'conflict' });
    const repeat = cache.lookup('POST /carts/x/checkout id-3', '{}');
    expect(repeat.kind).toBe('repeat');
    if (repeat.kind === 'repeat') await expect(repeat.response).resolves.toEqual({ status: 201, body: {} });
  });
});
