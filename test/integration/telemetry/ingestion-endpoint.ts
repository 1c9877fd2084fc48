import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';

const FIXTURES = path.join(__dirname, 'fixtures');
/** Trusted by the bot process (NODE_EXTRA_CA_CERTS): the exporter only speaks https. A throwaway key made for these tests. */
export const INGESTION_CA_FILE = path.join(FIXTURES, 'ingestion-127.0.0.1.crt');

const envelopeSchema = z.looseObject({
  name: z.string(),
  tags: z.record(z.string(), z.string()).optional(),
  data: z.looseObject({ baseType: z.string(), baseData: z.looseObject({ name: z.string().optional(), properties: z.record(z.string(), z.unknown()).optional() }) }),
});
export type Envelope = z.infer<typeof envelopeSchema>;

export interface IngestionEndpoint {
  /** An Application Insights connection string whose ingestion and live metrics endpoints are this server. */
  connectionString: string;
  envelopes: Envelope[];
  /** Paths the exporter posted to, for failure messages. */
  paths: string[];
  close(): Promise<void>;
}

/**
 * A local HTTPS server standing in for Application Insights ingestion: it accepts what the Azure Monitor
 * exporter posts (gzipped JSON arrays of envelopes) and keeps it.
 */
export async function startIngestionEndpoint(): Promise<IngestionEndpoint> {
  const pem = readFileSync(path.join(FIXTURES, 'ingestion-127.0.0.1.pem'));
  const envelopes: Envelope[] = [];
  const paths: string[] = [];
  const server: Server = createServer({ key: pem, cert: pem }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      paths.push(`${req.method} ${req.url}`);
      const raw = Buffer.concat(chunks);
      const body = req.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw;
      const parsed = z.array(envelopeSchema).safeParse(body.length > 0 ? JSON.parse(body.toString('utf8')) : []);
      if (parsed.success && req.url?.includes('/track')) envelopes.push(...parsed.data);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ itemsReceived: parsed.success ? parsed.data.length : 0, itemsAccepted: parsed.success ? parsed.data.length : 0, errors: [] }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  const endpoint = `https://127.0.0.1:${address.port}/`;
  return {
    connectionString: `InstrumentationKey=00000000-0000-4000-8000-000000000000;IngestionEndpoint=${endpoint};LiveEndpoint=${endpoint}`,
    envelopes,
    paths,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
