import type { Logger } from '../logger';
import type { SelfCheckReport } from '../partner-center/self-check';
import type { VersionedStorage } from '../store/storage';
import type { TurnGate } from './turn-gate';

/** A key nobody writes: reading it proves the backend answers, at the cost of one small read. */
const PROBE_KEY = 'health/readiness-probe';
const PROBE_TIMEOUT_MS = 2_000;

type CheckResult = { ok: true } | { ok: false; reason: string };
type SelfCheckState = { state: 'pending' } | { state: 'passed' } | { state: 'failed'; reason: string };

interface ReadinessReport {
  ready: boolean;
  /** Names of the checks that failed, in the order of `checks`. */
  failed: string[];
  checks: { storage: CheckResult; partnerCenter: SelfCheckState; shutdown: CheckResult };
}

/**
 * What `/readyz` answers: ready only when storage answers a read, the Partner Center self-check passed and
 * the process is not shutting down. A load balancer then sends turns only to instances that can serve them.
 */
export class Readiness {
  private selfCheck: SelfCheckState = { state: 'pending' };
  private wasReady = false;

  constructor(
    private readonly storage: Pick<VersionedStorage, 'get' | 'writesStopped'>,
    private readonly gate: TurnGate,
    private readonly log: Logger,
    private readonly probeTimeoutMs = PROBE_TIMEOUT_MS,
  ) {}

  recordSelfCheck(report: SelfCheckReport): void {
    this.selfCheck = report.ok ? { state: 'passed' } : { state: 'failed', reason: report.summary };
  }

  async report(): Promise<ReadinessReport> {
    const checks = {
      storage: await this.probeStorage(),
      partnerCenter: this.selfCheck,
      shutdown: this.gate.accepting ? { ok: true as const } : { ok: false as const, reason: 'shutting down: finishing running turns' },
    };
    const failed = [
      ...(checks.storage.ok ? [] : ['storage']),
      ...(checks.partnerCenter.state === 'passed' ? [] : ['partnerCenter']),
      ...(checks.shutdown.ok ? [] : ['shutdown']),
    ];
    const ready = failed.length === 0;
    // Probes come every few seconds: only a change is worth a log line.
    if (ready !== this.wasReady) this.log.info({ ready, failed }, ready ? 'ready for turns' : 'not ready for turns');
    this.wasReady = ready;
    return { ready, failed, checks };
  }

  private async probeStorage(): Promise<CheckResult> {
    // A stopped write journal still answers reads: the probe's read alone would call it ready.
    const stopped = this.storage.writesStopped();
    if (stopped) return { ok: false, reason: `writes stopped (${stopped.name}): restart to recover them` };
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<CheckResult>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, reason: `no answer within ${this.probeTimeoutMs} ms` }), this.probeTimeoutMs);
    });
    const read = this.storage.get(PROBE_KEY).then(
      (): CheckResult => ({ ok: true }),
      // The error's kind only: its message may name the account or path, and /readyz is public.
      (error: unknown): CheckResult => {
        this.log.warn({ err: error instanceof Error ? error.message : String(error) }, 'readiness: storage read failed');
        return { ok: false, reason: `read failed (${error instanceof Error ? error.name : 'error'})` };
      },
    );
    try {
      return await Promise.race([read, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
