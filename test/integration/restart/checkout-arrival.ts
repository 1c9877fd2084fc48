import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';

/** Resolves when a checkout request reaches the sandbox (an HTTP server in this process), before it is answered. */
export function checkoutArrival(): Promise<void> {
  return new Promise((resolve) => {
    const listener = (message: unknown) => {
      const request = (message as { request: IncomingMessage }).request;
      if (request.method !== 'POST' || !/\/carts\/[^/]+\/checkout$/.test(request.url ?? '')) return;
      unsubscribe('http.server.request.start', listener);
      resolve();
    };
    subscribe('http.server.request.start', listener);
  });
}
