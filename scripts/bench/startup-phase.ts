import { mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import type { Snapshot } from './build-snapshot';
import { timeToHealthy } from './processes';
import { summarize, type Summary } from './stats';

/**
 * `node dist/src/index.js` as `npm start` runs it (embedded sandbox, embedded storage, no Playground),
 * from process start to the first 200 from /healthz. `dataDir` lets a run start on existing purchases:
 * start-up scans them for checkouts a crash interrupted.
 */
export async function measureStartup(snapshot: Snapshot, runs: number, dataDir?: string): Promise<Summary> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const dir = dataDir ?? (await mkdtemp(path.join(snapshot.root, 'start-')));
    samples.push(await timeToHealthy(snapshot.js('src/index.ts'), { PLAYGROUND: 'off', DATA_DIR: dir, LOG_LEVEL: 'info' }));
  }
  return summarize(samples);
}
