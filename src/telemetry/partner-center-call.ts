import { SpanKind, SpanStatusCode, type Span } from '@opentelemetry/api';
import { instruments, tracer } from './instruments';

/**
 * Partner Center's REST paths alternate collection and id (`/customers/{id}/carts/{id}/checkout`), so
 * every second segment is an id. Replacing those gives one route per operation: a bounded set of
 * metric dimensions, and no customer, cart or order id in a span name.
 */
export function routeTemplate(pathname: string): string {
  const segments = pathname.replace(/^\/v1(?=\/|$)/, '').split('/').filter(Boolean);
  return `/${segments.map((segment, index) => (index % 2 === 1 ? '{id}' : segment)).join('/')}`;
}

interface CallIdentity {
  method: string;
  url: URL;
  requestId: string;
  correlationId: string;
}

/** What a failed call reports: the client's error kind, Partner Center's code, the last HTTP status. */
interface CallFailure {
  kind: string;
  httpStatus?: number;
  code?: string | number;
}

/** One Partner Center operation (all its attempts): a client span, its latency and any 429s. */
export class PartnerCenterCall {
  private readonly span: Span;
  private readonly operation: string;
  private readonly startedAt = performance.now();
  private attempts = 0;
  private retries = 0;

  constructor(identity: CallIdentity) {
    const template = routeTemplate(identity.url.pathname);
    this.operation = `${identity.method} ${template}`;
    this.span = tracer().startSpan(`Partner Center ${this.operation}`, {
      kind: SpanKind.CLIENT,
      attributes: {
        'http.request.method': identity.method,
        'url.template': template,
        'server.address': identity.url.hostname,
        'partner_center.request_id': identity.requestId,
        'partner_center.correlation_id': identity.correlationId,
      },
    });
  }

  /** Each HTTP exchange, including the one after a forced token refresh; undefined = no answer. */
  answered(httpStatus: number | undefined): void {
    this.attempts += 1;
    if (httpStatus !== undefined) this.span.setAttribute('http.response.status_code', httpStatus);
    if (httpStatus === 429) instruments().partnerCenterThrottled.add(1, { operation: this.operation });
  }

  retrying(failure: CallFailure, delayMs: number): void {
    this.retries += 1;
    this.span.addEvent('retry', { 'error.type': failure.kind, 'retry.delay_ms': delayMs, ...(failure.httpStatus ? { 'http.response.status_code': failure.httpStatus } : {}) });
  }

  succeeded(): void {
    this.end('ok');
  }

  failed(failure: CallFailure): void {
    this.span.setAttribute('error.type', failure.kind);
    if (failure.code !== undefined) this.span.setAttribute('partner_center.error_code', String(failure.code));
    this.span.setStatus({ code: SpanStatusCode.ERROR });
    this.end(failure.kind);
  }

  private end(outcome: string): void {
    this.span.setAttributes({ 'partner_center.attempts': this.attempts, 'partner_center.retries': this.retries });
    this.span.end();
    instruments().partnerCenterDuration.record(performance.now() - this.startedAt, { operation: this.operation, outcome });
  }
}
