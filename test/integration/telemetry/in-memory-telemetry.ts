import { context, metrics, trace, type Attributes } from '@opentelemetry/api';
import { MeterProvider, MetricReader, type DataPoint, type MetricData } from '@opentelemetry/sdk-metrics';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';

/** A reader that exports nowhere: `collect()` hands the current metrics to the test. */
class InMemoryMetricReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

/**
 * The OpenTelemetry SDK registered globally with in-memory exporters only, the way the Azure Monitor
 * distro registers itself: the bot's own code sees a real tracer and meter, and nothing leaves the process.
 */
export class InMemoryTelemetry {
  private readonly exporter = new InMemorySpanExporter();
  private readonly reader = new InMemoryMetricReader();
  private readonly tracerProvider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(this.exporter)] });
  private readonly meterProvider = new MeterProvider({ readers: [this.reader] });

  register(): void {
    this.tracerProvider.register();
    metrics.setGlobalMeterProvider(this.meterProvider);
  }

  async unregister(): Promise<void> {
    trace.disable();
    metrics.disable();
    context.disable();
    await this.tracerProvider.shutdown();
    await this.meterProvider.shutdown();
  }

  spans(): ReadableSpan[] {
    return this.exporter.getFinishedSpans();
  }

  /** The data points of one metric of the bot's scope, with their attributes. */
  async points(name: string): Promise<DataPoint<unknown>[]> {
    const { resourceMetrics } = await this.reader.collect();
    const metric: MetricData | undefined = resourceMetrics.scopeMetrics
      .filter((scope) => scope.scope.name === 'partner-cart')
      .flatMap((scope) => scope.metrics)
      .find((m) => m.descriptor.name === name);
    return metric?.dataPoints ?? [];
  }
}

export function withAttributes<T extends { attributes: Attributes }>(items: T[], wanted: Attributes): T[] {
  return items.filter((item) => Object.entries(wanted).every(([key, value]) => item.attributes[key] === value));
}
