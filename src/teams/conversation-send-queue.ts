/**
 * One line per conversation: operations for the same conversation run one after another, in the order
 * they were queued; different conversations do not wait for each other. Serial sends keep a card's
 * updates in order and avoid Teams' 412 "concurrent operations on the same conversation".
 */
export class ConversationSendQueue {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(conversationId: string, operation: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(conversationId) ?? Promise.resolve();
    const result = previous.then(operation, operation);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    this.tails.set(conversationId, tail);
    void tail.then(() => {
      if (this.tails.get(conversationId) === tail) this.tails.delete(conversationId);
    });
    return result;
  }

  /** Conversations with work queued or running. */
  get busyConversations(): number {
    return this.tails.size;
  }
}
