import { invalidPaths } from '../../responses/testing/validate-request';
import { ListMessagesQuery } from './list-messages.query.dto';

describe('GET /v1/messages query', () => {
  it('filters by status, channel and recipient, with a page', async () => {
    expect(
      await invalidPaths(
        ListMessagesQuery,
        { status: 'delivered', channel: 'sms', to: '+14155550100', limit: '10', cursor: 'c' },
        'query',
      ),
    ).toEqual([]);
    expect(await invalidPaths(ListMessagesQuery, { status: 'received' }, 'query')).toEqual([]);
  });

  it.each([
    ['an unknown status', { status: 'lost' }, ['status']],
    ['channel auto, which no message has', { channel: 'auto' }, ['channel']],
    ['a limit of 500', { limit: '500' }, ['limit']],
  ])('refuses %s', async (_case, query, paths) => {
    expect(await invalidPaths(ListMessagesQuery, query, 'query')).toEqual(paths);
  });
});
