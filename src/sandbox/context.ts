import type { Catalog } from './catalog';
import type { SandboxClock } from './clock';
import type { SandboxKnobs } from './knobs';
import type { SandboxStore } from './store';

/** What every handler module is built from. */
export interface SandboxContext {
  store: SandboxStore;
  catalog: Catalog;
  knobs: SandboxKnobs;
  clock: SandboxClock;
  provisioningDelayMs: number;
}
