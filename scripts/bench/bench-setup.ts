import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { TeamsClient } from '../../test/integration/harness/teams-client';
import { BenchConnector } from './bench-connector';
import type { Snapshot } from './build-snapshot';
import type { SandboxProcess } from '../../test/integration/harness/sandbox-process';
import { startFlags } from '../start-flags';
import { ChildBot, startSandbox } from './processes';
import type { Side } from './purchase-driver';
import { SandboxRecord } from './sandbox-requests';

/** `azure-blob`: the container named in `storageEnvironment` (AZURE_STORAGE_*), shared by every bot given it. */
type StorageKind = 'embedded' | 'memory' | 'azure-blob';

export interface Bench {
  snapshot: Snapshot;
  connector: BenchConnector;
  sandbox: SandboxProcess;
  record: SandboxRecord;
}

/**
 * Teams' side (this process: the client and the Bot Connector) and Partner Center (a sandbox process).
 * Each stage that needs a clean Partner Center gets its own sandbox: every purchase leaves
 * subscriptions behind for the customer, and that changes the cards of later purchases.
 */
export async function startBench(snapshot: Snapshot, connector?: BenchConnector): Promise<Bench> {
  if (!connector) {
    connector = new BenchConnector();
    await connector.start();
  }
  const sandbox = await startSandbox(snapshot.js('src/sandbox/main.ts'));
  return { snapshot, connector, sandbox, record: new SandboxRecord(sandbox.baseUrl) };
}

export interface RunningBot {
  process: ChildBot;
  side: Side;
  dataDir: string;
}

/** The real bot in its own process, with a fresh DATA_DIR, talking to the sandbox process. */
export async function startRealBot(bench: Bench, storage: StorageKind, storageEnvironment: Record<string, string> = {}): Promise<RunningBot> {
  const dataDir = await mkdtemp(path.join(bench.snapshot.root, 'data-'));
  const process = await ChildBot.fork(
    bench.snapshot.js('scripts/bench/bot-process.ts'),
    { ...bench.sandbox.botEnvironment(), ...storageEnvironment, BENCH_STORAGE: storage, DATA_DIR: dataDir, LOG_LEVEL: 'info' },
    path.join(bench.snapshot.root, 'bot.log'),
    startFlags(),
  );
  return { process, side: { teams: new TeamsClient(process.url, bench.connector.serviceUrl), connector: bench.connector }, dataDir };
}

export async function startEchoBot(bench: Bench): Promise<RunningBot> {
  const process = await ChildBot.fork(bench.snapshot.js('scripts/bench/echo-bot.ts'), {}, path.join(bench.snapshot.root, 'echo.log'));
  return { process, side: { teams: new TeamsClient(process.url, bench.connector.serviceUrl), connector: bench.connector }, dataDir: '' };
}

/** Runs `work` over `items` with at most `concurrency` at a time. */
export async function inPool<T, R>(items: T[], concurrency: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
}
