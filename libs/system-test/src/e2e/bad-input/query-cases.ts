import type { CorpusRoute } from './corpus-routes';
import type { Named } from './corpus-cases';
import { emptyPage, type Expected, invalid, noUsage } from './expected-answer';
import { describeValue, SCRIPT_FRAGMENT, SQL_FRAGMENT } from './json-values';

type Parameters = readonly (readonly [name: string, value: string, expected: Expected])[];

const each = (name: string, values: readonly string[], expected: Expected): Parameters =>
  values.map((value) => [name, value, expected] as const);

/** `?limit&cursor` of every list (docs/contract.md §3). */
const PAGE: Parameters = [
  ...each('limit', ['-1', '0', 'abc', '1000', '1.5', '1e308', SQL_FRAGMENT], invalid('limit')),
  ...each('cursor', ['garbage', SQL_FRAGMENT, SCRIPT_FRAGMENT, 'x'.repeat(1025)], invalid('cursor')),
  ['unexpected', '1', invalid('unexpected')],
];

/** A search is text, not a pattern: text that names no team finds none. */
const SEARCH: Parameters = [
  ...each('search', ['', 'x'.repeat(101)], invalid('search')),
  ...each('search', [SQL_FRAGMENT, SCRIPT_FRAGMENT, '%', '_', '\\'], emptyPage),
];

/** A filter value is data: text that names no message finds none. */
const FILTERS: Readonly<Record<NonNullable<CorpusRoute['query']>, Parameters>> = {
  page: [],
  messages: [
    ...each('status', [SQL_FRAGMENT, SCRIPT_FRAGMENT, 'lost'], invalid('status')),
    ...each('channel', [SQL_FRAGMENT, SCRIPT_FRAGMENT, 'pigeon'], invalid('channel')),
    ['to', 'x'.repeat(321), invalid('to')],
    ...each('to', [SQL_FRAGMENT, SCRIPT_FRAGMENT], emptyPage),
  ],
  ledger: [
    ...each('accountId', ['', 'x'.repeat(256)], invalid('accountId')),
    ...each('accountId', [SQL_FRAGMENT, SCRIPT_FRAGMENT], emptyPage),
    ...each('order', ['', 'DESC', SQL_FRAGMENT, SCRIPT_FRAGMENT], invalid('order')),
  ],
  teams: SEARCH,
  activity: [
    ...each('minutes', ['0', '1441', 'abc', '1.5', '-1', '1e308', '', SQL_FRAGMENT], invalid('minutes')),
    ['unexpected', '1', invalid('unexpected')],
  ],
  usage: [
    ...each('granularity', [SQL_FRAGMENT, SCRIPT_FRAGMENT, 'week', ''], invalid('granularity')),
    ...each(
      'from',
      ['yesterday', SQL_FRAGMENT, '2025-13-01T00:00:00Z', '1e308', '-1', '0001-01-01T00:00:00Z'],
      invalid('from'),
    ),
    ...each('to', ['tomorrow', SCRIPT_FRAGMENT, '2025-01-01T25:00:00Z'], invalid('to')),
    ['to', '9999-12-31T23:59:59Z', noUsage],
    ...each('accountId', ['', 'x'.repeat(256)], invalid('accountId')),
    ...each('accountId', [SQL_FRAGMENT, SCRIPT_FRAGMENT], noUsage),
  ],
};

export function queryCases(query: CorpusRoute['query'], template: string): Named[] {
  if (query === undefined) return [];
  const paged = query !== 'activity';
  const parameters = [...(paged ? PAGE : []), ...FILTERS[query]];
  return [
    ...parameters.map(([name, value, expected]): Named => [
      `?${name}=${describeValue(value)}`,
      { path: `${template}?${name}=${encodeURIComponent(value)}`, expected },
    ]),
    ...(paged
      ? ([
          ['?limit twice', { path: `${template}?limit=1&limit=2`, expected: invalid('limit') }],
          ['?cursor with a NUL byte', { path: `${template}?cursor=a%00b`, expected: invalid() }],
        ] as const)
      : ([['?minutes twice', { path: `${template}?minutes=1&minutes=2`, expected: invalid('minutes') }]] as const)),
    ...(query === 'teams'
      ? ([['?search with a NUL byte', { path: `${template}?search=a%00b`, expected: invalid() }]] as const)
      : []),
  ];
}
