import { ApiError } from './api-error';

describe('ApiError', () => {
  it('carries its status and contract body (docs/contract.md §3.1), without a stack trace, and leaves stack traces on for other errors', () => {
    const limit = Error.stackTraceLimit;
    const error = new ApiError(401, 'invalid_api_key', 'No key.', { hint: 1 });
    expect({ status: error.getStatus(), body: error.getResponse(), message: error.message }).toEqual({
      status: 401,
      body: { code: 'invalid_api_key', message: 'No key.', details: { hint: 1 } },
      message: 'No key.',
    });
    expect(error.stack?.split('\n')).toHaveLength(1);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('other').stack?.split('\n').length).toBeGreaterThan(1);
  });
});
