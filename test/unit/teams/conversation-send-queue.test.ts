import { ConversationSendQueue } from '../../../src/teams/conversation-send-queue';

function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('ConversationSendQueue', () => {
  it('runs one conversation\'s operations one at a time, in order', async () => {
    const queue = new ConversationSendQueue();
    const log: string[] = [];
    const first = deferred();
    const a = queue.run('c1', async () => {
      log.push('first started');
      await first.promise;
      log.push('first done');
    });
    const b = queue.run('c1', async () => {
      log.push('second started');
    });
    await Promise.resolve();
    expect(log).toEqual(['first started']);
    first.resolve();
    await Promise.all([a, b]);
    expect(log).toEqual(['first started', 'first done', 'second started']);
  });

  it('does not hold one conversation behind another', async () => {
    const queue = new ConversationSendQueue();
    const blocked = deferred();
    const slow = queue.run('c1', () => blocked.promise);
    await expect(queue.run('c2', async () => 'other')).resolves.toBe('other');
    blocked.resolve();
    await slow;
  });

  it('carries on after a failed operation and forgets idle conversations', async () => {
    const queue = new ConversationSendQueue();
    const failed = queue.run('c1', async () => {
      throw new Error('412');
    });
    const next = queue.run('c1', async () => 'sent');
    await expect(failed).rejects.toThrow('412');
    await expect(next).resolves.toBe('sent');
    await Promise.resolve();
    expect(queue.busyConversations).toBe(0);
  });
});
