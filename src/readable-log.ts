import type pino from 'pino';

const LEVELS: Record<number, string> = { 10: 'TRACE', 20: 'DEBUG', 30: 'INFO ', 40: 'WARN ', 50: 'ERROR', 60: 'FATAL' };

function formatValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return /\s/.test(text) ? JSON.stringify(text) : text;
}

/** One pino JSON line as `12:03:04 INFO  message  key=value …`: for a person watching `npm start`. */
export function readableLine(json: string): string {
  try {
    const { level, time, msg, pid: _pid, hostname: _hostname, ...fields } = JSON.parse(json) as Record<string, unknown>;
    const clock = new Date(Number(time)).toISOString().slice(11, 19);
    const extras = Object.entries(fields).map(([key, value]) => `${key}=${formatValue(value)}`);
    return `${clock} ${LEVELS[Number(level)] ?? String(level)} ${String(msg ?? '')}${extras.length ? `  ${extras.join(' ')}` : ''}\n`;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
}

/** A pino destination writing readable lines to a terminal; pipes and files keep pino's JSON. */
export function readableDestination(out: NodeJS.WriteStream): pino.DestinationStream {
  return { write: (line: string) => void out.write(readableLine(line)) };
}
