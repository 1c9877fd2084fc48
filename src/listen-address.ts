import { isIP } from 'node:net';

/**
 * True for an address only this machine can reach. Authentication off and the embedded sandbox are safe
 * only there: anything else is reachable by whoever can reach the host.
 */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  const mappedV4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare);
  return mappedV4 !== null && mappedV4[1].startsWith('127.');
}
