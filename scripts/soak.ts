import { parseArgs } from 'node:util';
import { runSoak } from '../test/support/soak/soak-run';

/**
 * The long soak: `npm run soak -- --purchases 140 --reps 12 --seed N`. Prints its seed first, so a run
 * that finds a problem replays with `--seed`; exits 1 when an invariant broke.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { purchases: { type: 'string', default: '140' }, reps: { type: 'string', default: '12' }, seed: { type: 'string' } },
  });
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  const purchases = Number(values.purchases);
  const reps = Number(values.reps);
  if (![seed, purchases, reps].every((n) => Number.isInteger(n) && n >= 0) || purchases < 1 || reps < 1) {
    throw new Error('--purchases and --reps take whole numbers of at least 1, --seed a whole number');
  }
  process.stdout.write(`soak: seed ${seed}, ${purchases} purchases by ${reps} reps\n`);
  const started = Date.now();
  const report = await runSoak({ seed, purchases, reps });
  process.stdout.write(`${JSON.stringify({ ...report, seconds: (Date.now() - started) / 1000 }, null, 2)}\n`);
  process.exitCode = report.problems.length > 0 ? 1 : 0;
}

main().catch((error: unknown) => {
  process.stderr.write(`soak failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
