import { invalidPaths, validateRequest } from './testing/validate-request';
import { pageOf, PageQuery } from './page-query.dto';

describe('?limit&cursor', () => {
  it('defaults to the first 50', async () => {
    const result = await validateRequest(PageQuery, {}, 'query');
    expect(result.ok && pageOf(result.value)).toEqual({ limit: 50, cursor: null });
  });

  it('reads the limit from the query string as a number', async () => {
    const result = await validateRequest(PageQuery, { limit: '100', cursor: 'abc' }, 'query');
    expect(result.ok && pageOf(result.value)).toEqual({ limit: 100, cursor: 'abc' });
  });

  it.each([['0'], ['101'], ['1.5'], ['ten'], ['']])('refuses limit=%j', async (limit) => {
    expect(await invalidPaths(PageQuery, { limit }, 'query')).toEqual(['limit']);
  });

  it('refuses an unknown parameter', async () => {
    expect(await invalidPaths(PageQuery, { page: '2' }, 'query')).toEqual(['page']);
  });
});
