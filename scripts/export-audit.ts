import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../src/config';
import { AuditLog, type AuditSubject } from '../src/store/audit-log';
import { writeAuditExport } from '../src/store/audit-export';
import { createStorage } from '../src/store/create-storage';

const USAGE = `Usage: npm run audit:export -- [--format csv|jsonl] [--out FILE] [--customer ID | --order ID | --purchase ID]

Reads the audit log from the bot's storage (DATA_DIR, or AZURE_STORAGE_CONNECTION_STRING and
AZURE_STORAGE_CONTAINER, as for the bot) and writes it oldest first as CSV (default) or JSON lines,
to standard output or to FILE. With a filter, only the records about that customer, order or purchase.
`;

const id = z.string().trim().min(1, 'expected an id').max(200, 'expected an id of at most 200 characters');

const argumentsSchema = z
  .strictObject({
    format: z.enum(['csv', 'jsonl'], { error: 'expected --format csv or --format jsonl' }).default('csv'),
    out: z.string().min(1).optional(),
    customer: id.optional(),
    order: id.optional(),
    purchase: id.optional(),
    help: z.boolean().optional(),
  })
  .refine((a) => [a.customer, a.order, a.purchase].filter((v) => v !== undefined).length <= 1, {
    message: 'give at most one of --customer, --order and --purchase',
  });

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** `npm run audit:export`: the command line, the bot's environment and where standard output goes. */
export async function runAuditExport(argv: string[], env: Record<string, string | undefined>, stdout: NodeJS.WritableStream): Promise<void> {
  const options = parseArguments(argv);
  if (options.help) {
    stdout.write(USAGE);
    return;
  }
  const config = loadConfig(env);
  // Attached, not owned: the bot may be running on the same storage and its half-written files are its own.
  const log = new AuditLog(await createStorage(config.storage, { mode: 'attach' }));
  const subject = subjectOf(options);
  if (!options.out) {
    await writeAuditExport(log, { format: options.format, subject }, stdout);
    return;
  }
  const file = createWriteStream(options.out);
  await once(file, 'open');
  await writeAuditExport(log, { format: options.format, subject }, file);
  file.end();
  await once(file, 'finish');
}

function parseArguments(argv: string[]): z.infer<typeof argumentsSchema> {
  let values: Record<string, unknown>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        format: { type: 'string' }, out: { type: 'string' }, customer: { type: 'string' }, order: { type: 'string' },
        purchase: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const parsed = argumentsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((issue) => issue.message).join('; '));
  return parsed.data;
}

function subjectOf(options: z.infer<typeof argumentsSchema>): AuditSubject | undefined {
  if (options.customer) return { customerId: options.customer };
  if (options.order) return { orderId: options.order };
  if (options.purchase) return { purchaseId: options.purchase };
  return undefined;
}

if (require.main === module) {
  runAuditExport(process.argv.slice(2), process.env, process.stdout).catch((error: unknown) => {
    if (error instanceof UsageError) {
      process.stderr.write(`${error.message}\n\n${USAGE}`);
      process.exit(2);
    }
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
