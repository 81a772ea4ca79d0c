import { rateLimitHeaders } from './rate-limit-headers';

const NOW = Date.UTC(2026, 0, 1);

describe('rateLimitHeaders', () => {
  it('says the limit, what is left and the reset time in epoch milliseconds', () => {
    expect(
      rateLimitHeaders(600, { totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 }, NOW),
    ).toEqual({
      'X-RateLimit-Limit': '600',
      'X-RateLimit-Remaining': '599',
      'X-RateLimit-Reset': String(NOW + 60_000),
    });
  });

  it('never says less than zero is left', () => {
    expect(
      rateLimitHeaders(3, { totalHits: 3, timeToExpire: 12, isBlocked: false, timeToBlockExpire: 0 }, NOW)[
        'X-RateLimit-Remaining'
      ],
    ).toBe('0');
  });

  it('adds Retry-After in seconds on a refusal, and resets when the block ends', () => {
    expect(
      rateLimitHeaders(3, { totalHits: 4, timeToExpire: 20, isBlocked: true, timeToBlockExpire: 60 }, NOW),
    ).toEqual({
      'X-RateLimit-Limit': '3',
      'X-RateLimit-Remaining': '0',
      'X-RateLimit-Reset': String(NOW + 60_000),
      'Retry-After': '60',
    });
  });

  it('asks to wait at least a second', () => {
    expect(
      rateLimitHeaders(3, { totalHits: 9, timeToExpire: 0, isBlocked: true, timeToBlockExpire: 0 }, NOW)['Retry-After'],
    ).toBe('1');
  });
});
