import { metrics, trace, type Counter, type Histogram, type MeterProvider, type Tracer } from '@opentelemetry/api';

/** The instrumentation scope of everything the bot emits itself. */
const SCOPE = 'partner-cart';

interface Instruments {
  purchases: Counter;
  checkoutDuration: Histogram;
  partnerCenterDuration: Histogram;
  partnerCenterThrottled: Counter;
}

let cached: { provider: MeterProvider; instruments: Instruments } | undefined;

/**
 * The bot's metric instruments on the current global meter provider. Instruments taken from the API
 * before a provider is registered stay no-ops for ever, so they are (re)made whenever the provider
 * changes: without Application Insights they are the API's no-ops.
 */
export function instruments(): Instruments {
  const provider = metrics.getMeterProvider();
  if (cached?.provider !== provider) {
    const meter = provider.getMeter(SCOPE);
    cached = {
      provider,
      instruments: {
        purchases: meter.createCounter('partner_cart.purchases', { description: 'Checkouts that reached an outcome, by kind and outcome', unit: '{purchase}' }),
        checkoutDuration: meter.createHistogram('partner_cart.checkout.duration', { description: 'From the start of a checkout run to its stored outcome', unit: 'ms' }),
        partnerCenterDuration: meter.createHistogram('partner_cart.partner_center.duration', { description: 'Partner Center calls, retries included, by operation', unit: 'ms' }),
        partnerCenterThrottled: meter.createCounter('partner_cart.partner_center.throttled', { description: 'Partner Center answers with HTTP 429, by operation', unit: '{response}' }),
      },
    };
  }
  return cached.instruments;
}

/** The API's tracer proxy follows whichever provider is registered; a no-op without one. */
export function tracer(): Tracer {
  return trace.getTracer(SCOPE);
}
