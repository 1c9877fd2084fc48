import type { SandboxContext } from '../context';
import type { RecordedRequest } from '../http/recorded-request';
import type { Route } from '../http/types';
import { knobSettingsSchema } from '../knob-settings';
import type { RequestArrivals } from '../http/arrivals';
import { arrivalRequestSchema, clockRequestSchema, parseBody } from '../request-schemas';

/**
 * /_sandbox/* lets a standalone `npm run sandbox` be driven with curl: fault knobs, the clock, and the
 * recorded /v1 requests. Not part of Partner Center; never recorded, never delayed or faulted.
 */
export function controlRoutes(context: SandboxContext, requests: RecordedRequest[], arrivals: RequestArrivals): Route[] {
  const { knobs, clock } = context;
  return [
    { method: 'GET', pattern: '/knobs', handler: () => ({ status: 200, body: knobs.current() }) },
    {
      method: 'POST',
      pattern: '/knobs',
      handler: ({ body }) => {
        knobs.set(parseBody(knobSettingsSchema, body ?? {}));
        return { status: 200, body: knobs.current() };
      },
    },
    {
      method: 'DELETE',
      pattern: '/knobs',
      handler: () => {
        knobs.reset();
        return { status: 200, body: knobs.current() };
      },
    },
    { method: 'POST', pattern: '/release', handler: () => ({ status: 200, body: { released: knobs.release() } }) },
    { method: 'GET', pattern: '/clock', handler: () => ({ status: 200, body: { now: clock.now().toISOString() } }) },
    {
      method: 'POST',
      pattern: '/clock',
      handler: ({ body }) => {
        const change = parseBody(clockRequestSchema, body);
        if ('advanceMs' in change) clock.advance(change.advanceMs);
        else clock.setTo(new Date(change.now));
        return { status: 200, body: { now: clock.now().toISOString() } };
      },
    },
    { method: 'GET', pattern: '/requests', handler: () => ({ status: 200, body: requests }) },
    {
      method: 'POST',
      pattern: '/arrivals',
      handler: async ({ body }) => {
        const wanted = parseBody(arrivalRequestSchema, body);
        return { status: 200, body: await arrivals.next(wanted.method, wanted.pathPattern, wanted.nth) };
      },
    },
    {
      method: 'DELETE',
      pattern: '/requests',
      handler: () => {
        requests.length = 0;
        return { status: 200, body: [] };
      },
    },
  ];
}
