import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../src/sandbox';
import { networkClientTrusting } from '../../../src/partner-center/tls-network-client';
import { asRecord, attestedCart, E5, itemsOf, nceLine, SandboxClient } from './sandbox-client';
import { CONTOSO_ID } from '../../../src/sandbox/data/seed-ids';

/** A sandbox given a data folder keeps its carts, orders, tokens and certificate across its own restart. */
describe('a sandbox with a data folder', () => {
  let dataDir: string;
  const running: RunningSandbox[] = [];
  const open = async (options: SandboxOptions = {}) => {
    const sandbox = await startSandbox({ port: 0, dataDir, provisioningDelayMs: 0, ...options });
    running.push(sandbox);
    return new SandboxClient(sandbox);
  };
  const stop = async (sandbox: RunningSandbox) => {
    running.splice(running.indexOf(sandbox), 1);
    await sandbox.close();
  };
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'sandbox-state-'));
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((sandbox) => sandbox.close()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('checks out after a restart a cart created before it, and still finds the orders and subscriptions', async () => {
    const before = await open();
    const created = asRecord((await before.post(`/v1/customers/${CONTOSO_ID}/carts`, attestedCart([nceLine(E5, { quantity: 4 })]))).body);
    const cartPath = `/v1/customers/${CONTOSO_ID}/carts/${String(created['id'])}`;
    const earlier = asRecord((await before.post(`/v1/customers/${CONTOSO_ID}/orders`, {
      partnerOnRecordAttestationAccepted: true, lineItems: [{ lineItemNumber: 0, offerId: E5, quantity: 2, termDuration: 'P1Y' }],
    })).body);
    const tokenFromBefore = before.sandbox.issueToken();
    const certificate = before.sandbox.tlsCertificate;
    await stop(before.sandbox);

    const after = await open({ credentials: before.sandbox.credentials });
    expect(after.sandbox.tlsCertificate).toBe(certificate);
    expect((await after.get(cartPath, { Authorization: `Bearer ${tokenFromBefore}` })).status).toBe(200);
    const checkout = await after.post(`${cartPath}/checkout`);
    expect(checkout.status).toBe(201);
    const [order] = itemsOf(checkout.body);
    const orderIds = itemsOf((await after.get(`/v1/customers/${CONTOSO_ID}/orders`)).body).map((o) => o['id']);
    expect(orderIds).toEqual(expect.arrayContaining([earlier['id'], order?.['id']]));
    const bought = itemsOf((await after.get(`/v1/customers/${CONTOSO_ID}/subscriptions?order_id=${String(earlier['id'])}`)).body);
    expect(bought.map((s) => s['quantity'])).toEqual([2]);
    expect((await after.post(`${cartPath}/checkout`)).body).toEqual(checkout.body);
  });

  it('keeps the refresh tokens its Entra ID issued, so an App+User bot carries on after the restart', async () => {
    const before = await open();
    const { credentials } = before.sandbox;
    const redeem = async (sandbox: RunningSandbox, refreshToken: string) => {
      const response = await networkClientTrusting(sandbox.tlsCertificate).sendPostRequestAsync<Record<string, unknown>>(
        `${sandbox.authorityHost}/${credentials.tenantId}/oauth2/v2.0/token`,
        {
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'refresh_token', client_id: credentials.clientId, client_secret: credentials.clientSecret, refresh_token: refreshToken,
            scope: 'https://api.partnercenter.microsoft.com/user_impersonation offline_access openid profile',
          }).toString(),
        },
      );
      return response.body;
    };
    const rotated = String((await redeem(before.sandbox, credentials.refreshToken))['refresh_token']);
    await stop(before.sandbox);

    const after = await open({ credentials });
    expect(await redeem(after.sandbox, rotated)).toMatchObject({ token_type: 'Bearer', refresh_token: expect.any(String) });
  });

  it('has a change in its state file when it answers, and leaves the file alone for a read', async () => {
    const sandbox = await open();
    const stateFile = path.join(dataDir, 'partner-center-state.json');
    const created = asRecord((await sandbox.post(`/v1/customers/${CONTOSO_ID}/carts`, attestedCart([nceLine(E5, { quantity: 4 })]))).body);
    const written = statSync(stateFile);
    expect(readFileSync(stateFile, 'utf8')).toContain(String(created['id']));

    expect((await sandbox.get(`/v1/customers/${CONTOSO_ID}/carts/${String(created['id'])}`)).status).toBe(200);
    expect((await sandbox.get(`/v1/customers/${CONTOSO_ID}/orders`)).status).toBe(200);
    // Each write replaces the file by a rename, so an unchanged inode means no write.
    expect(statSync(stateFile).ino).toBe(written.ino);

    const checkout = itemsOf((await sandbox.post(`/v1/customers/${CONTOSO_ID}/carts/${String(created['id'])}/checkout`)).body);
    expect(readFileSync(stateFile, 'utf8')).toContain(String(checkout[0]?.['id']));
  });

  it('refuses to start on a state file it cannot read, naming it', async () => {
    await stop((await open()).sandbox);
    const stateFile = path.join(dataDir, 'partner-center-state.json');
    expect(JSON.parse(readFileSync(stateFile, 'utf8'))).toMatchObject({ version: 1 });
    writeFileSync(stateFile, JSON.stringify({ version: 1, carts: 'not a list' }));
    await expect(startSandbox({ port: 0, dataDir })).rejects.toThrow(/partner-center-state\.json is not a sandbox state file/);
  });
});
