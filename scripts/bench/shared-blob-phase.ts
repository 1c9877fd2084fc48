import { startAzurite } from '../../test/store/azurite';
import type { BenchConnector } from './bench-connector';
import { startBench, startRealBot } from './bench-setup';
import type { Snapshot } from './build-snapshot';
import { Pacer } from './pacer';
import { buyAsRep, repNumber } from './purchase-driver';
import { measureThroughput, type ThroughputResult } from './throughput-phase';

/**
 * Two bot processes on one Azurite container and one Partner Center, as two App Service instances run:
 * rep n talks to process n mod 2, and every cart must still be checked out exactly once.
 */
export async function measureSharedBlob(snapshot: Snapshot, connector: BenchConnector, repsList: number[], thinkMs: number): Promise<ThroughputResult[]> {
  const azurite = await startAzurite();
  const bench = await startBench(snapshot, connector);
  const storage = { AZURE_STORAGE_CONNECTION_STRING: azurite.connectionString, AZURE_STORAGE_CONTAINER: 'bench-shared' };
  try {
    const bots = [await startRealBot(bench, 'azure-blob', storage), await startRealBot(bench, 'azure-blob', storage)];
    try {
      for (const [n, bot] of bots.entries()) {
        const warm = await buyAsRep(bot.side, repNumber(n, 'blob-warm'), { lines: 1, pacer: new Pacer(thinkMs, false) });
        if (warm.error) throw new Error(`warm-up purchase on process ${n + 1} failed: ${warm.error}`);
      }
      const results: ThroughputResult[] = [];
      for (const reps of repsList) results.push(await measureThroughput(bench, bots, reps, thinkMs));
      return results;
    } finally {
      await Promise.all(bots.map((bot) => bot.process.stop()));
    }
  } finally {
    await bench.sandbox.stop();
    await azurite.stop();
  }
}
