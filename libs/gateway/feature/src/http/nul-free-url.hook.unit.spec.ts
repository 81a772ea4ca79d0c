import type { FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { refuseNulInUrl } from './nul-free-url.hook';

describe('refuseNulInUrl', () => {
  const run = async (url: string) => {
    const raw = Readable.from(['the rest of a body']);
    const done = jest.fn();
    refuseNulInUrl({ url, raw } as unknown as FastifyRequest, {} as FastifyReply, done);
    await new Promise((resolve) => setImmediate(resolve));
    return { done, discarded: raw.readableEnded };
  };

  it('refuses %00 in the path or the query with 400 invalid_request, once the body is discarded', async () => {
    for (const url of ['/v1/sub-accounts/a%00b', '/v1/messages?to=a%00b']) {
      const { done, discarded } = await run(url);
      expect(done.mock.calls[0][0].getResponse()).toEqual({
        code: 'invalid_request',
        message: 'The request is invalid.',
        details: { errors: [{ path: 'url', message: 'the URL must not contain NUL characters (%00)' }] },
      });
      expect(discarded).toBe(true);
    }
  });

  it('passes any other URL on, a literal "%00" encoded as %2500 included', async () => {
    for (const url of ['/v1/sub-accounts/proj_1', '/v1/messages?to=%2500', '/v1/messages?to=%E2%82%AC'])
      expect((await run(url)).done).toHaveBeenCalledWith();
  });
});
