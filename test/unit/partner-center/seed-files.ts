import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The Partner Center JSON corpus (request/response bodies from the seeds; see its README). */
export const SEEDS_DIR = join(__dirname, '..', '..', 'fixtures', 'seeds');

export function readSeed(file: string): unknown {
  return JSON.parse(readFileSync(join(SEEDS_DIR, file), 'utf8'));
}
