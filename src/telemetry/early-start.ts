import { z } from 'zod';
import type { RunningTelemetry } from './azure-monitor';

const environmentSchema = z.object({
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.string().trim().optional().transform((v) => (v ? v : undefined)),
});

/**
 * Imported first by the entry points, before restify, botbuilder and the Azure SDKs are loaded: the
 * distro's HTTP instrumentation patches Node's http module when it is next required, so starting it
 * any later would miss incoming requests. Unset connection string = undefined, and every span and
 * metric of src/telemetry stays a no-op.
 */
function startFromEnvironment(): RunningTelemetry | undefined {
  const { APPLICATIONINSIGHTS_CONNECTION_STRING: connectionString } = environmentSchema.parse(process.env);
  if (!connectionString) return undefined;
  // Loaded only when used: the distro takes about 0.7 s to load, which a bot without telemetry should not pay.
  const { startAzureMonitor } = require('./azure-monitor') as typeof import('./azure-monitor');
  return startAzureMonitor(connectionString);
}

export const telemetry = startFromEnvironment();
