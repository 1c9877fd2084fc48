import { partnerCenterError, SandboxHttpError, throttledError } from './errors';
import { knobSettingsSchema, type KnobSettings, type KnobSettingsInput } from './knob-settings';

/** Descriptions from error-codes.md for the faults tests usually inject. */
const KNOWN_FAULT_DESCRIPTIONS: Record<number, string> = {
  13605:
    'Either a partner confirmation of the customer acceptance of the Microsoft Customer Agreement must be provided or the customer must accept the MCA in the Microsoft Admin Center before you can complete this purchase',
  900121: 'Unable to process order due to insufficient credit limit.',
  800069: 'Order failed Risk Management check',
  800060: 'Your order is in progress. Check your order history for recent orders in few minutes',
  900124: "Your company hasn't accepted the Microsoft Partner Agreement (MPA).",
  900123: "Microsoft Partner Agreement hasn't been accepted by the indirect reseller",
  800005: "Create order isn't successful",
  900278: 'There is a pending operation on this subscription. Please try again after 24 hours.',
  900311: 'This subscription has been updated too many times. Please try again later.',
};

type FaultPoint = 'checkout' | 'order' | 'subscription';

function matches(path: string, pattern: string | undefined): boolean {
  return pattern === undefined || new RegExp(pattern).test(path);
}

/**
 * Fault injection, off by default. Every fault is count-based ("the next N matching requests") so a
 * test knows exactly which call fails; only latency stays on until reset.
 */
export class SandboxKnobs {
  private settings: KnobSettings = {};
  private held: (() => void)[] = [];

  /** Merges into the current settings; a key given as null switches that knob off. */
  set(partial: KnobSettingsInput): void {
    const parsed = knobSettingsSchema.parse(partial);
    this.settings = { ...this.settings, ...parsed };
  }

  reset(): void {
    this.settings = {};
    this.release();
  }

  current(): KnobSettings {
    return structuredClone(this.settings);
  }

  latencyMsFor(path: string): number {
    const latency = this.settings.latency;
    return latency && matches(path, latency.pathPattern) ? latency.ms : 0;
  }

  takeDroppedConnection(path: string, stage: 'before' | 'after'): boolean {
    const drop = this.settings.dropConnections;
    if (!drop || drop.count <= 0 || !matches(path, drop.pathPattern)) return false;
    if (drop.afterProcessing !== (stage === 'after')) return false;
    drop.count -= 1;
    return true;
  }

  /** The transport-level failure (429 or 5xx) the next matching request gets, if any. */
  takeTransportFault(path: string): SandboxHttpError | undefined {
    const throttle = this.settings.throttle;
    if (throttle && throttle.count > 0 && matches(path, throttle.pathPattern)) {
      throttle.count -= 1;
      return throttledError(throttle.retryAfterSeconds);
    }
    const serverErrors = this.settings.serverErrors;
    if (serverErrors && serverErrors.count > 0 && matches(path, serverErrors.pathPattern)) {
      serverErrors.count -= 1;
      return serverErrors.status === 500
        ? partnerCenterError(500, 800003, 'Unexpected service error')
        : partnerCenterError(serverErrors.status, 900192, 'Something went wrong. Try again after some time.');
    }
    return undefined;
  }

  /** Undefined when the request goes on at once; otherwise it waits for release(). */
  takeHold(method: string, path: string): Promise<void> | undefined {
    const hold = this.settings.hold;
    if (!hold || hold.count <= 0 || !matches(path, hold.pathPattern)) return undefined;
    if (hold.method !== undefined && hold.method.toUpperCase() !== method) return undefined;
    hold.count -= 1;
    return new Promise((resolve) => this.held.push(resolve));
  }

  /** Lets every held request go on; returns how many there were. */
  release(): number {
    const held = this.held;
    this.held = [];
    for (const resume of held) resume();
    return held.length;
  }

  takeBusinessFault(point: FaultPoint): SandboxHttpError | undefined {
    const fault = this.settings.businessFault;
    if (!fault || fault.count <= 0 || (fault.on !== 'any' && fault.on !== point)) return undefined;
    fault.count -= 1;
    const description = fault.description ?? KNOWN_FAULT_DESCRIPTIONS[fault.code] ?? `Business fault ${fault.code}`;
    return partnerCenterError(fault.status, fault.code, description);
  }

  /** The order group that fails in this checkout, with its code and description, if any. */
  takePartialFailure(): { orderGroup: string; code: number; description: string } | undefined {
    const partial = this.settings.partialSuccess;
    if (!partial || partial.count <= 0) return undefined;
    partial.count -= 1;
    const description = partial.description ?? KNOWN_FAULT_DESCRIPTIONS[partial.code] ?? `Order group failed with ${partial.code}`;
    return { orderGroup: partial.orderGroup, code: partial.code, description };
  }
}
