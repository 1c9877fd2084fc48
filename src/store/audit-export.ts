import { once } from 'node:events';
import type { AuditLog, AuditRecord, AuditSubject } from './audit-log';

type AuditExportFormat = 'csv' | 'jsonl';

interface AuditExportOptions {
  format: AuditExportFormat;
  /** Only the records about this purchase, customer or order (see AuditSubject); all records when absent. */
  subject?: AuditSubject;
}

const CSV_COLUMNS: ReadonlyArray<readonly [header: string, cell: (record: AuditRecord) => string | undefined]> = [
  ['id', (r) => r.id],
  ['at', (r) => r.at],
  ['actorAadObjectId', (r) => r.actor.aadObjectId],
  ['actorTenantId', (r) => r.actor.tenantId],
  ['actorName', (r) => r.actor.name],
  ['action', (r) => r.action],
  ['outcome', (r) => r.outcome],
  ['purchaseId', (r) => r.purchaseId],
  ['customerId', (r) => r.customerId],
  ['cartId', (r) => r.cartId],
  ['orderIds', (r) => r.orderIds?.join(' ')],
  ['correlationId', (r) => r.correlationId],
  ['details', (r) => (r.details === undefined ? undefined : JSON.stringify(r.details))],
];

/** The whole export as one string; for large logs prefer `writeAuditExport`. */
export async function exportAudit(log: AuditLog, options: AuditExportOptions): Promise<string> {
  return auditExportLines(await recordsFor(log, options), options.format).join('');
}

/** Writes the export line by line, honouring back-pressure; does not end the stream. */
export async function writeAuditExport(
  log: AuditLog,
  options: AuditExportOptions,
  out: NodeJS.WritableStream,
): Promise<void> {
  for (const line of auditExportLines(await recordsFor(log, options), options.format)) {
    if (!out.write(line)) await once(out, 'drain');
  }
}

/** Each line ends with `\n` (CSV uses `\r\n`, as RFC 4180 asks). */
export function auditExportLines(records: readonly AuditRecord[], format: AuditExportFormat): string[] {
  if (format === 'jsonl') return records.map((record) => `${JSON.stringify(record)}\n`);
  const rows = [
    CSV_COLUMNS.map(([header]) => header),
    ...records.map((record) => CSV_COLUMNS.map(([, cell]) => csvCell(cell(record)))),
  ];
  return rows.map((row) => `${row.join(',')}\r\n`);
}

function recordsFor(log: AuditLog, options: AuditExportOptions): Promise<AuditRecord[]> {
  return options.subject ? log.listFor(options.subject) : log.listAll();
}

/**
 * Quotes per RFC 4180. A cell that a spreadsheet would run as a formula (actor names and details come
 * from users) gets a leading `'`, as OWASP advises against CSV injection.
 */
function csvCell(value: string | undefined): string {
  if (value === undefined) return '';
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(inert) ? `"${inert.replace(/"/g, '""')}"` : inert;
}
