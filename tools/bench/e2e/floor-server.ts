// The floor: a bare node:http server that reads and parses the same JSON body as a send and
// answers 202 with a small JSON document shaped like a queued message. Run as its own process.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

let sequence = 0;

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    let send: { to?: unknown; text?: unknown };
    try {
      send = JSON.parse(Buffer.concat(chunks).toString('utf8')) as typeof send;
    } catch {
      response.writeHead(400, { 'content-type': 'application/json' }).end('{"code":"invalid_json"}');
      return;
    }
    const body = JSON.stringify({
      message: {
        id: `msg_floor${++sequence}`,
        to: send.to,
        channel: 'sms',
        status: 'queued',
        text: send.text,
        cost: 0.0079,
        costProvider: 0,
        costTotal: 0.0079,
        createdAt: new Date().toISOString(),
      },
    });
    response
      .writeHead(202, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) })
      .end(body);
  });
});

server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  process.stdout.write(`floor listening on http://127.0.0.1:${(server.address() as AddressInfo).port}\n`);
});
