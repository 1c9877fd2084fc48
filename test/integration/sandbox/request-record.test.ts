import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { SandboxClient } from './sandbox-client';

/** The sandbox `npm start` embeds answers calls for as long as the bot runs: what it records is bounded. */
describe('the record of calls a sandbox keeps', () => {
  let sandbox: RunningSandbox;
  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, recordedRequests: 10 });
  });
  afterAll(() => sandbox.close());

  it('keeps the newest calls, oldest first, and lets the oldest go', async () => {
    const client = new SandboxClient(sandbox);
    for (let call = 1; call <= 25; call += 1) expect((await client.get(`/v1/customers?size=${call}`)).status).toBe(200);
    const sizes = sandbox.requests.map((request) => Number(request.query['size']));
    expect(sizes.length).toBeLessThanOrEqual(10);
    expect(sizes.length).toBeGreaterThanOrEqual(9);
    expect(sizes).toEqual(Array.from({ length: sizes.length }, (_, index) => 25 - sizes.length + 1 + index));
  });
});
