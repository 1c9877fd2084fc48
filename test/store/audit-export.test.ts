import { PassThrough } from 'node:stream';
import { text } from 'node:stream/consumers';
import { AuditLog, type AuditRecord } from '../../src/store/audit-log';
import { auditExportLines, writeAuditExport } from '../../src/store/audit-export';
import { createStorage } from '../../src/store/create-storage';

const record: AuditRecord = {
  id: 'r1',
  at: '2026-03-01T10:00:00.000Z',
  actor: { aadObjectId: 'aad-1', tenantId: 't-1', name: '=HYPERLINK("http://evil","x"), "Smith"' },
  action: 'approval.rejected',
  purchaseId: 'p1',
  outcome: 'succeeded',
  details: { reason: 'too\nexpensive, sorry' },
};

describe('audit export', () => {
  it('quotes CSV cells per RFC 4180 and defuses spreadsheet formulas', () => {
    const [header, row] = auditExportLines([record], 'csv');

    expect(header).toBe(
      'id,at,actorAadObjectId,actorTenantId,actorName,action,outcome,purchaseId,customerId,cartId,orderIds,correlationId,details\r\n',
    );
    expect(row).toBe(
      'r1,2026-03-01T10:00:00.000Z,aad-1,t-1,"\'=HYPERLINK(""http://evil"",""x""), ""Smith""",approval.rejected,succeeded,p1,,,,,' +
        '"{""reason"":""too\\nexpensive, sorry""}"\r\n',
    );
  });

  it('writes an export to a stream, waiting for it to drain', async () => {
    const log = new AuditLog(await createStorage({ kind: 'memory' }));
    for (let i = 0; i < 20; i += 1) {
      await log.append({ actor: record.actor, action: `step-${i}`, customerId: 'c1', outcome: 'succeeded' });
    }
    const out = new PassThrough({ highWaterMark: 64 });
    const collected = text(out);

    await writeAuditExport(log, { format: 'jsonl', subject: { customerId: 'c1' } }, out);
    out.end();

    const actions = (await collected).trimEnd().split('\n').map((line) => (JSON.parse(line) as AuditRecord).action);
    expect(actions).toEqual(Array.from({ length: 20 }, (_, i) => `step-${i}`));
  });
});
