import { startSandbox, type RunningSandbox } from '../../../src/sandbox';
import { createStorage } from '../../../src/store/create-storage';
import { startAzurite, type RunningAzurite } from '../../store/azurite';
import { startBotUnderTest, type BotUnderTest } from './bot-under-test';
import { FakeConnector } from './fake-connector';
import { TeamsClient } from './teams-client';

export interface TwoInstances {
  instances: [BotUnderTest, BotUnderTest];
  sandbox: RunningSandbox;
  azurite: RunningAzurite;
  /** Waits until neither instance has slow work (checkout, card updates) running. */
  idle(): Promise<void>;
  /** One Teams client per instance, both talking to `connector`, as Azure Bot Service would spread turns. */
  clientsFor(connector: FakeConnector): [TeamsClient, TeamsClient];
  stop(): Promise<void>;
}

/**
 * Two bot processes as Azure runs them behind one bot registration: separate apps (each with its own
 * storage client, adapter and caches) on the same Azure Blob container in Azurite, one Partner Center.
 */
export async function startTwoInstances(options: { env?: Record<string, string>; answerBudgetMs?: number } = {}): Promise<TwoInstances> {
  const azurite = await startAzurite();
  const sandbox = await startSandbox({ port: 0 });
  const connector = new FakeConnector();
  await connector.start();
  const container = `scale-out-${process.pid}`;
  const start = async () =>
    startBotUnderTest({
      ...options,
      sandbox,
      connector,
      storage: await createStorage({ kind: 'azure-blob', connectionString: azurite.connectionString, container }),
    });
  const instances: [BotUnderTest, BotUnderTest] = [await start(), await start()];
  return {
    instances,
    sandbox,
    azurite,
    async idle() {
      await Promise.all(instances.map((instance) => instance.app.background.idle()));
    },
    clientsFor(other) {
      const client = (instance: BotUnderTest) => new TeamsClient(`http://127.0.0.1:${instance.app.port}/api/messages`, other.serviceUrl);
      return [client(instances[0]), client(instances[1])];
    },
    async stop() {
      await Promise.all(instances.map((instance) => instance.stop()));
      await connector.stop();
      await sandbox.close();
      await azurite.stop();
    },
  };
}
