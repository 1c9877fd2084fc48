import type { RecordedRequest } from './recorded-request';

/**
 * What a sandbox remembers of the calls it answered, for tests and the bench to look at. The sandbox
 * that `npm start` embeds runs as long as the bot, and every call it records carries its headers and
 * body (a few KB): only the newest `limit` are kept.
 */
export class RequestRecord {
  constructor(
    readonly requests: RecordedRequest[],
    private readonly limit: number,
  ) {}

  add(request: RecordedRequest): void {
    this.requests.push(request);
    // A tenth at a time, so that a full record does not move every entry on every call.
    if (this.requests.length > this.limit) this.requests.splice(0, this.requests.length - this.limit + Math.ceil(this.limit / 10));
  }
}
