import type { IncomingMessage, ServerResponse } from 'node:http';
import { nulFreeUrlMiddleware } from './nul-free-url.middleware';

describe('nulFreeUrlMiddleware', () => {
  const run = (url: string) => {
    const request = { url, resume: jest.fn() } as unknown as IncomingMessage;
    const next = jest.fn();
    nulFreeUrlMiddleware()(request, {} as ServerResponse, next);
    return { next, resumed: (request.resume as jest.Mock).mock.calls.length };
  };

  it('refuses %00 in the path or the query with 400 invalid_request, leaving the body unread', () => {
    for (const url of ['/v1/sub-accounts/a%00b', '/v1/messages?to=a%00b']) {
      const { next, resumed } = run(url);
      expect(next.mock.calls[0][0].getResponse()).toEqual({
        code: 'invalid_request',
        message: 'The request is invalid.',
        details: { errors: [{ path: 'url', message: 'the URL must not contain NUL characters (%00)' }] },
      });
      expect(resumed).toBe(1);
    }
  });

  it('passes any other URL on, a literal "%00" encoded as %2500 included', () => {
    for (const url of ['/v1/sub-accounts/proj_1', '/v1/messages?to=%2500', '/v1/messages?to=%E2%82%AC']) expect(run(url).next).toHaveBeenCalledWith();
  });
});
