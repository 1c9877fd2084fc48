import { routeConsoleToLog } from '../../../src/console-to-log';
import { createLogger } from '../../../src/logger';

class AuthenticationError extends Error {
  constructor(message: string, readonly statusCode: number) {
    super(message);
  }
}

describe('routeConsoleToLog: what libraries print becomes JSON log lines', () => {
  const lines: string[] = [];
  let restore: () => void;
  beforeAll(() => {
    restore = routeConsoleToLog(createLogger('debug', { write: (line: string) => void lines.push(line) }));
  });
  afterAll(() => restore());
  const last = () => JSON.parse(lines.at(-1)!) as Record<string, unknown>;

  it('logs a refused request (an error with a 4xx status) as a warning with its reason and no stack', () => {
    console.error(new AuthenticationError('Unauthorized. No valid identity.', 401));
    expect(last()).toMatchObject({ level: 40, source: 'console', msg: 'Unauthorized. No valid identity.', error: { type: 'AuthenticationError', statusCode: 401 } });
    expect(last().error).not.toHaveProperty('stack');
  });

  it('keeps the stack of other errors, and none of their other fields', () => {
    const failure = Object.assign(new TypeError('socket hang up'), { request: { headers: { authorization: 'Bearer not-for-logs' } } });
    console.error('send failed', failure);
    expect(last()).toMatchObject({ level: 50, msg: 'send failed', error: { type: 'TypeError', message: 'socket hang up', stack: expect.stringContaining('TypeError: socket hang up') } });
    expect(lines.at(-1)).not.toContain('not-for-logs');
  });

  it('maps console.warn, log and debug to their levels', () => {
    console.warn('BadRequest: Missing activity or activity type.');
    expect(last()).toMatchObject({ level: 40, msg: 'BadRequest: Missing activity or activity type.' });
    console.log('Activity Log:', { type: 'message' });
    expect(last()).toMatchObject({ level: 30, msg: "Activity Log: { type: 'message' }" });
    console.debug('detail');
    expect(last()).toMatchObject({ level: 20, msg: 'detail' });
  });
});
