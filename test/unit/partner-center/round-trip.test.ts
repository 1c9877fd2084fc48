import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { roundTrip, RoundTripTimeout } from '../../../src/partner-center/round-trip';

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
});

async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<URL> {
  server = createServer(handler);
  await new Promise<void>((resolve) => server?.listen(0, '127.0.0.1', resolve));
  return new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/customers`);
}

describe('roundTrip (Partner Center calls over node:http)', () => {
  it('sends the method, headers and body, and returns status, headers and body text', async () => {
    const url = await serve((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        res.writeHead(201, 'Created', { 'Retry-After': '3' });
        res.end(JSON.stringify({ method: req.method, body, length: req.headers['content-length'], id: req.headers['ms-requestid'] }));
      });
    });
    const answer = await roundTrip(url, 'POST', { 'MS-RequestId': 'r-1' }, '{"name":"Łódź"}', 1_000);
    expect(answer).toMatchObject({ status: 201, statusText: 'Created', headers: { 'retry-after': '3' } });
    expect(JSON.parse(answer.bodyText)).toEqual({ method: 'POST', body: '{"name":"Łódź"}', length: '18', id: 'r-1' });
  });

  it('drops a UTF-8 byte order mark before the JSON, as fetch did', async () => {
    const url = await serve((_req, res) => res.end(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"id":"ż"}')])));
    expect(JSON.parse((await roundTrip(url, 'GET', {}, undefined, 1_000)).bodyText)).toEqual({ id: 'ż' });
  });

  it('reuses one kept-alive connection for calls one after another', async () => {
    const ports: number[] = [];
    const url = await serve((req, res) => {
      ports.push(req.socket.remotePort ?? 0);
      res.end('{}');
    });
    for (let call = 0; call < 3; call += 1) await roundTrip(url, 'GET', {}, undefined, 1_000);
    expect(new Set(ports).size).toBe(1);
  });

  it('times out an answer whose body stops half-way, not only one that never starts', async () => {
    const url = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('{"items":[');
    });
    await expect(roundTrip(url, 'GET', {}, undefined, 100)).rejects.toBeInstanceOf(RoundTripTimeout);
  });

  it('fails, without a timeout, when the connection closes before the whole answer arrived', async () => {
    const url = await serve((req, res) => {
      res.writeHead(200, { 'Content-Length': '100' });
      res.write('{"items":[', () => req.socket.destroy());
    });
    const failure = await roundTrip(url, 'GET', {}, undefined, 5_000).catch((error: unknown) => error);
    expect(failure).not.toBeInstanceOf(RoundTripTimeout);
    expect(failure).toMatchObject({ message: expect.stringMatching(/aborted|closed/) });
  });
});
