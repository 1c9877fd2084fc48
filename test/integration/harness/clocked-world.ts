import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { ManualClock } from '../status/manual-clock';
import { FakeConnector } from './fake-connector';

/** A sandbox and a Bot Connector on one hand-moved clock, for bots that come and go (restarts). */
export interface ClockedWorld {
  clock: ManualClock;
  connector: FakeConnector;
  sandbox: RunningSandbox;
  stop(): Promise<void>;
}

export async function startClockedWorld(start = new Date()): Promise<ClockedWorld> {
  const clock = new ManualClock(start);
  const connector = new FakeConnector();
  await connector.start();
  const sandbox = await startSandbox({ port: 0, now: clock.now });
  return {
    clock, connector, sandbox,
    async stop() {
      await sandbox.close();
      await connector.stop();
    },
  };
}
