import { StateWriter } from '../../../src/sandbox/durable/state-writer';

/** A state whose writes finish (or fail) only when the test says so, so that calls can overlap one. */
class HeldState {
  revisionNow = 0;
  content = 'state 0';
  readonly serialized: string[] = [];
  readonly written: string[] = [];
  private held: { text: string; finish: () => void; fail: (error: Error) => void }[] = [];

  revision = (): number => this.revisionNow;

  serialize = (): string => {
    this.serialized.push(this.content);
    return this.content;
  };

  write = (text: string): Promise<void> =>
    new Promise((resolve, reject) => {
      this.held.push({
        text,
        finish: () => {
          this.written.push(text);
          resolve();
        },
        fail: reject,
      });
    });

  change(content: string): void {
    this.revisionNow += 1;
    this.content = content;
  }

  /** Lets the oldest held write finish, then lets the writer start the next one. */
  async finishWrite(): Promise<void> {
    const write = this.held.shift();
    if (!write) throw new Error('no write is running');
    write.finish();
    await settle();
  }

  async failWrite(error: Error): Promise<void> {
    const write = this.held.shift();
    if (!write) throw new Error('no write is running');
    write.fail(error);
    await settle();
  }

  get running(): number {
    return this.held.length;
  }
}

/** Lets every promise callback that is ready run (no timers involved). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Tracks whether a promise has settled, without awaiting it. */
function watch(promise: Promise<void>): { settled: () => boolean; outcome: () => 'kept' | Error | undefined } {
  let outcome: 'kept' | Error | undefined;
  promise.then(
    () => {
      outcome = 'kept';
    },
    (error: unknown) => {
      outcome = error instanceof Error ? error : new Error(String(error));
    },
  );
  return { settled: () => outcome !== undefined, outcome: () => outcome };
}

/** A call whose write the test lets finish as soon as it begins. */
async function keepThroughWrite(writer: StateWriter, state: HeldState): Promise<void> {
  const kept = writer.keep();
  await settle();
  await state.finishWrite();
  await kept;
}

describe('the sandbox state writer', () => {
  it('answers a change only once a write that began after it has finished', async () => {
    const state = new HeldState();
    const writer = new StateWriter(state);
    state.change('cart created');
    const kept = watch(writer.keep());
    await settle();
    expect(state.running).toBe(1);
    expect(kept.settled()).toBe(false);
    await state.finishWrite();
    expect(kept.outcome()).toBe('kept');
    expect(state.written).toEqual(['cart created']);
  });

  it('lets calls that arrive during a write share the next one: one copy of the state for all of them', async () => {
    const state = new HeldState();
    const writer = new StateWriter(state);
    state.change('first');
    const first = watch(writer.keep());
    await settle();
    const later = [1, 2, 3, 4, 5].map((n) => {
      state.change(`change ${n}`);
      return watch(writer.keep());
    });
    await settle();
    expect(state.running).toBe(1);
    await state.finishWrite();
    expect(first.outcome()).toBe('kept');
    expect(later.map((call) => call.settled())).toEqual([false, false, false, false, false]);
    expect(state.running).toBe(1);
    await state.finishWrite();
    expect(later.map((call) => call.outcome())).toEqual(['kept', 'kept', 'kept', 'kept', 'kept']);
    expect(state.serialized).toEqual(['first', 'change 5']);
    expect(state.written).toEqual(['first', 'change 5']);
  });

  it('starts no write for a call that changed nothing, and waits only for a write already running', async () => {
    const state = new HeldState();
    const writer = new StateWriter(state);
    state.change('ordered');
    await keepThroughWrite(writer, state);
    const read = watch(writer.keep());
    await settle();
    expect(read.outcome()).toBe('kept');
    expect(state.serialized).toEqual(['ordered']);

    state.change('provisioned');
    const change = watch(writer.keep());
    await settle();
    const readDuringWrite = watch(writer.keep());
    await settle();
    expect(readDuringWrite.settled()).toBe(false);
    await state.finishWrite();
    expect([change.outcome(), readDuringWrite.outcome()]).toEqual(['kept', 'kept']);
    expect(state.serialized).toEqual(['ordered', 'provisioned']);
  });

  it('writes after a change the revision does not count (marked), but not the same text twice', async () => {
    const state = new HeldState();
    const writer = new StateWriter(state);
    state.change('cart');
    await keepThroughWrite(writer, state);
    state.content = 'cart, changed in place';
    writer.markChanged();
    await keepThroughWrite(writer, state);
    writer.markChanged();
    await writer.keep();
    expect(state.serialized).toEqual(['cart', 'cart, changed in place', 'cart, changed in place']);
    expect(state.written).toEqual(['cart', 'cart, changed in place']);
  });

  it('fails the calls whose write failed, and writes again on the next call', async () => {
    const state = new HeldState();
    const writer = new StateWriter(state);
    state.change('order placed');
    const failed = watch(writer.keep());
    await settle();
    await state.failWrite(new Error('ENOSPC: no space left on device'));
    expect(failed.outcome()).toEqual(new Error('ENOSPC: no space left on device'));
    await expect(writer.lastWrite()).rejects.toThrow('ENOSPC');

    const retried = watch(writer.keep());
    await settle();
    expect(state.running).toBe(1);
    await state.finishWrite();
    expect(retried.outcome()).toBe('kept');
    expect(state.written).toEqual(['order placed']);
    await expect(writer.lastWrite()).resolves.toBeUndefined();
  });
});
