import type { IncomingMessage } from 'node:http';
import { shutdownAzureMonitor, useAzureMonitor } from '@azure/monitor-opentelemetry';

/** Probes arrive every few seconds from App Service or Kubernetes: as requests they would drown the real ones. */
const PROBE_PATHS = new Set(['/healthz', '/readyz']);

export interface RunningTelemetry {
  /** Exports what is buffered and stops; called once the bot has drained. */
  shutdown(): Promise<void>;
}

/**
 * Registers the Azure Monitor OpenTelemetry distro as the global tracer and meter provider, so the
 * spans and metrics of src/telemetry go to Application Insights, with incoming HTTP requests (minus
 * probes) and outgoing Azure SDK calls. Must run before the app is built: instruments made earlier
 * would stay no-ops.
 */
// eslint-disable-next-line import-x/no-unused-modules -- loaded lazily with require() in early-start.ts, which the rule does not follow
export function startAzureMonitor(connectionString: string): RunningTelemetry {
  // The distro types this as a plain InstrumentationConfig but hands it to HttpInstrumentation as is.
  const http = { enabled: true, ignoreIncomingRequestHook: (request: IncomingMessage) => PROBE_PATHS.has((request.url ?? '').split('?')[0] ?? '') };
  useAzureMonitor({ azureMonitorExporterOptions: { connectionString }, instrumentationOptions: { http } });
  return { shutdown: async () => void (await shutdownAzureMonitor()) };
}
