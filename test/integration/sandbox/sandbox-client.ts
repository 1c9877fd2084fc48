import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../../src/sandbox';

/** A clock the test moves by hand: the sandbox never waits on real time for expiry or provisioning. */
export class ManualClock {
  constructor(private current: Date) {}

  readonly now = (): Date => new Date(this.current.getTime());

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

interface CallResult {
  status: number;
  headers: Headers;
  /** Parsed JSON body, or undefined when the body is empty. */
  body: unknown;
}

/** A thin fetch wrapper: what the bot's client does, minus retries, with an app-only token of the sandbox. */
export class SandboxClient {
  constructor(readonly sandbox: RunningSandbox) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<CallResult> {
    const response = await fetch(`${this.sandbox.baseUrl}${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        Authorization: `Bearer ${this.sandbox.issueToken()}`,
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text === '' ? undefined : JSON.parse(text) };
  }

  get(path: string, headers?: Record<string, string>): Promise<CallResult> {
    return this.call('GET', path, undefined, headers);
  }

  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<CallResult> {
    return this.call('POST', path, body, headers);
  }
}

/** Headers of an App+User caller: provisioning-status routes refuse app-only tokens (403 900329). */
export function asAppPlusUser(client: SandboxClient): Record<string, string> {
  return { Authorization: `Bearer ${client.sandbox.issueToken('app+user')}` };
}

export async function openSandbox(options: SandboxOptions = {}): Promise<SandboxClient> {
  return new SandboxClient(await startSandbox({ port: 0, ...options }));
}

export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(__dirname, '../../fixtures/seeds', name), 'utf8'));
}

/** Narrow an unknown JSON body for assertions without `any`. */
export function asRecord(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`not an object: ${JSON.stringify(value)}`);
  return value as Record<string, unknown>;
}

export function itemsOf(value: unknown): Record<string, unknown>[] {
  const items = asRecord(value)['items'] ?? asRecord(value)['lineItems'] ?? asRecord(value)['orders'];
  if (!Array.isArray(items)) throw new Error('no items');
  return items.map(asRecord);
}

export const E5 = 'CFQ7TTC0LF8S:0001:CFQ7TTC0VZW5';
export const BUSINESS_BASIC = 'CFQ7TTC0LH18:0001:CFQ7TTC0K971';
export const WINDOWS_365 = 'CFQ7TTC0J1FV:0002:CFQ7TTC0J1G1';
export const NCE_ADDON = 'CFQ7TTC0LHWM:0001:CFQ7TTC0LHXN';

/**
 * A cart body with the partner-of-record attestation, which checkout requires for every cart
 * (create-a-cart: PartnerOnRecordAttestationAccepted "Required: Yes").
 */
export function attestedCart(lineItems: unknown[]): Record<string, unknown> {
  return { partnerOnRecordAttestationAccepted: true, lineItems };
}

export function nceLine(catalogItemId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { catalogItemId, quantity: 1, billingCycle: 'monthly', termDuration: 'P1Y', ...extra };
}
