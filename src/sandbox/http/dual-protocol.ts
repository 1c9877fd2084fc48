import { createServer as createHttpServer, type RequestListener } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';

/** Every TLS connection starts with a handshake record (content type 22). */
const TLS_HANDSHAKE_RECORD = 0x16;

interface DualProtocolServer {
  server: Server;
  /** Ends every open connection, so close() does not wait for idle keep-alive sockets. */
  destroyConnections(): void;
}

/**
 * One port for plain HTTP and HTTPS. The Partner Center routes are served over http://127.0.0.1 like any
 * local test double, but msal-node only talks to an https:// authority ("authority_uri_insecure"), so the
 * Entra ID routes must be reachable over TLS. The first byte of each connection says which it is.
 */
export function dualProtocolServer(listener: RequestListener, tls: { key: string; cert: string }): DualProtocolServer {
  const http = createHttpServer(listener);
  const https = createHttpsServer(tls, listener);
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    socket.once('data', (first: Buffer) => {
      socket.pause();
      socket.unshift(first);
      (first[0] === TLS_HANDSHAKE_RECORD ? https : http).emit('connection', socket);
      process.nextTick(() => socket.resume());
    });
  });
  return {
    server,
    destroyConnections: () => {
      for (const socket of sockets) socket.destroy();
    },
  };
}
