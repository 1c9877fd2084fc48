import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import { runAuditExport, UsageError } from '../../scripts/export-audit';
import { ConfigError } from '../../src/config';
import { AuditLog, type AuditEntry, type AuditRecord } from '../../src/store/audit-log';
import { createStorage } from '../../src/store/create-storage';
import { newTempDirectory, stopBackends } from './backends';

afterAll(stopBackends);

const actor = { aadObjectId: 'aad-rep', tenantId: 'partner-tenant', name: 'Rita Rep' };
const steps: AuditEntry[] = [
  { actor, action: 'purchase.created', purchaseId: 'p1', outcome: 'succeeded' },
  { actor, action: 'customer.chosen', purchaseId: 'p1', customerId: 'contoso', outcome: 'succeeded' },
  { actor, action: 'checkout.ordered', purchaseId: 'p1', customerId: 'contoso', cartId: 'cart-1', orderIds: ['ORDER-1'], outcome: 'succeeded' },
  { actor, action: 'purchase.created', purchaseId: 'p2', outcome: 'succeeded' },
  { actor, action: 'customer.chosen', purchaseId: 'p2', customerId: 'fabrikam', outcome: 'succeeded' },
];

describe('npm run audit:export (scripts/export-audit.ts)', () => {
  let dataDir: string;
  let written: AuditRecord[];
  beforeAll(async () => {
    dataDir = await newTempDirectory();
    let second = 0;
    const log = new AuditLog(await createStorage({ kind: 'embedded', dataDir }), { now: () => new Date(Date.UTC(2026, 2, 1, 9, 0, (second += 1))) });
    written = [];
    for (const step of steps) written.push(await log.append(step));
  });

  const run = async (argv: string[], env: Record<string, string> = { DATA_DIR: dataDir }): Promise<string> => {
    const out = new PassThrough();
    const collected = text(out);
    await runAuditExport(argv, env, out);
    out.end();
    return collected;
  };

  it('writes the whole log of DATA_DIR as CSV, oldest first', async () => {
    const csv = (await run([])).split('\r\n');
    expect(csv[0]).toBe('id,at,actorAadObjectId,actorTenantId,actorName,action,outcome,purchaseId,customerId,cartId,orderIds,correlationId,details');
    expect(csv.slice(1, -1).map((row) => row.split(',')[0])).toEqual(written.map((record) => record.id));
    expect(csv[3]).toBe(`${written[2]!.id},2026-03-01T09:00:03.000Z,aad-rep,partner-tenant,Rita Rep,checkout.ordered,succeeded,p1,contoso,cart-1,ORDER-1,,`);
  });

  it('writes JSON lines for one order, one customer or one purchase', async () => {
    const lines = async (argv: string[]) => (await run(['--format', 'jsonl', ...argv])).trimEnd().split('\n').map((line) => JSON.parse(line) as AuditRecord);
    expect(await lines(['--order', 'order-1'])).toEqual(written.slice(0, 3));
    expect(await lines(['--customer', 'fabrikam'])).toEqual(written.slice(3));
    expect((await lines(['--purchase', 'p2'])).map((record) => record.action)).toEqual(['purchase.created', 'customer.chosen']);
  });

  it('writes to a file with --out', async () => {
    const file = join(await newTempDirectory(), 'audit.jsonl');
    expect(await run(['--format', 'jsonl', '--out', file])).toBe('');
    expect((await readFile(file, 'utf8')).trimEnd().split('\n')).toHaveLength(steps.length);
  });

  it('refuses unclear arguments and storage that is not there, and creates nothing', async () => {
    await expect(run(['--format', 'xml'])).rejects.toThrow(new UsageError('expected --format csv or --format jsonl'));
    await expect(run(['--customer', 'a', '--order', 'b'])).rejects.toBeInstanceOf(UsageError);
    await expect(run(['--since', 'yesterday'])).rejects.toBeInstanceOf(UsageError);
    await expect(run([], { DATA_DIR: join(dataDir, 'typo') })).rejects.toThrow('is not a directory the bot has written to');
    await expect(run([], { DATA_DIR: dataDir, AZURE_STORAGE_CONTAINER: 'audit' })).rejects.toBeInstanceOf(ConfigError);
    expect(await run(['--help'])).toContain('Usage: npm run audit:export');
  });
});
