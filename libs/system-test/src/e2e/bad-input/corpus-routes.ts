import {
  LONE_SURROGATE,
  NUL_TEXT,
  objectWithKeys,
  OVERFLOWING,
  SCRIPT_FRAGMENT,
  SQL_FRAGMENT,
  TWO_TO_THE_64,
} from './json-values';
import type { HttpMethod } from './raw-http';

/** What a path parameter names, and so the 404 code an id naming nothing gets. */
export type IdKind = 'subAccount' | 'apiKey' | 'message' | 'team';

export const NOT_FOUND_CODES: Readonly<Record<IdKind, string>> = {
  subAccount: 'sub_account_not_found',
  apiKey: 'api_key_not_found',
  message: 'message_not_found',
  team: 'team_not_found',
};

/** One field of a body and values it must refuse (every one of them invalid for that field). */
export interface FieldCorpus {
  /** Dotted path from the body root: `content.latitude`. */
  readonly field: string;
  readonly refused: readonly unknown[];
}

export interface CorpusRoute {
  readonly method: HttpMethod;
  /** With `:name` parameters, filled with real ids of the corpus team. */
  readonly path: string;
  readonly auth: 'api-key' | 'admin';
  /** A body the route accepts; the corpus breaks one thing at a time. Absent: the route takes none. */
  readonly validBody?: Readonly<Record<string, unknown>>;
  /** Whether the body has required fields, so that no body at all is refused. */
  readonly bodyRequired?: boolean;
  readonly fields?: readonly FieldCorpus[];
  readonly params?: Readonly<Record<string, IdKind>>;
  /** Whether an unknown path id reaches the ledger, which records the refusal: verbatim-strings tests those. */
  readonly idsReachLedger?: boolean;
  readonly query?: 'page' | 'messages' | 'ledger' | 'usage' | 'teams' | 'activity';
}

const NOT_TEXT = [12, true, [], {}, NUL_TEXT, LONE_SURROGATE];
const NOT_REQUIRED_TEXT = [...NOT_TEXT, null];
const NOT_A_CHOICE = [12, true, [], {}, '', SQL_FRAGMENT, SCRIPT_FRAGMENT];
/** Not integer cents of 0 or more: wrong types, fractions, negatives and numbers past any limit. */
const NOT_CENTS = ['12', true, [], {}, 1.5, -1, 1e308, TWO_TO_THE_64, OVERFLOWING];
const NOT_METADATA = [
  'x',
  12,
  true,
  [],
  { nested: { a: 1 } },
  { list: [1] },
  { k: NUL_TEXT },
  { [NUL_TEXT]: 'v' },
  { k: 'x'.repeat(501) },
  objectWithKeys(51),
];
/** Names are required wherever they appear (PATCH may leave one out, never clear it): 1 to 200 characters. */
const NOT_A_NAME = [...NOT_REQUIRED_TEXT, '', 'x'.repeat(201)];

const subAccountFields: FieldCorpus[] = [
  { field: 'name', refused: NOT_A_NAME },
  { field: 'externalId', refused: [...NOT_TEXT, 'x'.repeat(256)] },
  { field: 'creditLimit', refused: [...NOT_CENTS, 1_000_000_000_001] },
  { field: 'metadata', refused: NOT_METADATA },
];

/** The text fields of the Zavu `content` object: each must be a string. */
const CONTENT_TEXT_FIELDS = [
  'ctaDisplayText',
  'ctaHeaderMediaUrl',
  'ctaHeaderText',
  'ctaHeaderType',
  'ctaUrl',
  'emoji',
  'filename',
  'footerText',
  'listButton',
  'locationAddress',
  'locationName',
  'mediaId',
  'mediaUrl',
  'mimeType',
  'reactToMessageId',
  'replyToFrom',
  'replyToMessageId',
  'replyToMessageType',
  'replyToProviderMessageId',
  'replyToText',
  'templateId',
];

const sendFields: FieldCorpus[] = [
  {
    field: 'to',
    refused: [
      ...NOT_REQUIRED_TEXT,
      '',
      '12345',
      '+1234567',
      '+1234567890123456',
      'not-an-address',
      SQL_FRAGMENT,
      SCRIPT_FRAGMENT,
      `${SCRIPT_FRAGMENT}@example.com`,
      `a${SQL_FRAGMENT}@example.com`,
    ],
  },
  { field: 'channel', refused: [...NOT_A_CHOICE, 'pigeon'] },
  { field: 'messageType', refused: [...NOT_A_CHOICE, 'hologram'] },
  { field: 'text', refused: NOT_TEXT },
  { field: 'subject', refused: [...NOT_TEXT, 'x'.repeat(999)] },
  { field: 'htmlBody', refused: NOT_TEXT },
  { field: 'metadata', refused: NOT_METADATA },
  { field: 'idempotencyKey', refused: [12, true, [], {}, '', 'k'.repeat(256), NUL_TEXT, LONE_SURROGATE] },
  { field: 'attachments', refused: ['x', {}, [1], [[]], [{}], [{ filename: 12 }]] },
  { field: 'content', refused: ['x', 12, true, [], [{}]] },
  { field: 'content.latitude', refused: ['12', true, [], 91, -91, 1e308, TWO_TO_THE_64, OVERFLOWING] },
  {
    field: 'content.buttons',
    refused: ['x', [{}], [[]], Array.from({ length: 4 }, (_, i) => ({ id: `b${i}`, title: 'Yes' }))],
  },
  { field: 'content.contacts', refused: ['x', [1], [[]]] },
  { field: 'content.sections', refused: ['x', [[]], [{ title: 'Menu', rows: [[]] }]] },
  { field: 'content.referral', refused: ['x', 12, []] },
  { field: 'content.templateVariables', refused: ['x', [], { a: 1 }] },
  { field: 'content.surprise', refused: [1] },
  ...CONTENT_TEXT_FIELDS.map((name) => ({ field: `content.${name}`, refused: [12, {}, NUL_TEXT] })),
  { field: 'content.longitude', refused: ['12', 181, OVERFLOWING] },
  { field: 'fallbackEnabled', refused: ['true', 1, [], {}] },
  { field: 'replyTo', refused: [12, 'not-an-address', SQL_FRAGMENT, SCRIPT_FRAGMENT] },
  { field: 'voiceLanguage', refused: [12, 'x'.repeat(36)] },
];

/**
 * Every route of the public and operator API (docs/contract.md §4-§7). Top-ups go without an Idempotency-Key:
 * the route then refuses even a valid body before the ledger, and a refused key records nothing.
 */
export const CORPUS_ROUTES: readonly CorpusRoute[] = [
  {
    method: 'POST',
    path: '/v1/sub-accounts',
    auth: 'api-key',
    validBody: { name: 'Corpus' },
    bodyRequired: true,
    fields: subAccountFields,
  },
  { method: 'GET', path: '/v1/sub-accounts', auth: 'api-key', query: 'page' },
  { method: 'GET', path: '/v1/sub-accounts/:id', auth: 'api-key', params: { id: 'subAccount' } },
  {
    method: 'PATCH',
    path: '/v1/sub-accounts/:id',
    auth: 'api-key',
    params: { id: 'subAccount' },
    validBody: { name: 'Renamed' },
    fields: [...subAccountFields, { field: 'status', refused: [...NOT_A_CHOICE, null, 'pending_deletion', 'deleted'] }],
  },
  { method: 'DELETE', path: '/v1/sub-accounts/:id', auth: 'api-key', params: { id: 'subAccount' } },
  { method: 'GET', path: '/v1/sub-accounts/:id/balance', auth: 'api-key', params: { id: 'subAccount' } },
  { method: 'GET', path: '/v1/sub-accounts/:id/api-keys', auth: 'api-key', params: { id: 'subAccount' } },
  {
    method: 'POST',
    path: '/v1/sub-accounts/:id/api-keys',
    auth: 'api-key',
    params: { id: 'subAccount' },
    validBody: { name: 'CI' },
    bodyRequired: true,
    fields: [
      { field: 'name', refused: NOT_A_NAME },
      { field: 'environment', refused: [...NOT_A_CHOICE, 'prod'] },
      { field: 'permissions', refused: ['all', 12, {}, [5], [null], [''], ['a', 'a'], ['x'.repeat(101)], [NUL_TEXT]] },
    ],
  },
  {
    method: 'DELETE',
    path: '/v1/sub-accounts/:id/api-keys/:keyId',
    auth: 'api-key',
    params: { id: 'subAccount', keyId: 'apiKey' },
  },
  { method: 'POST', path: '/v1/sub-accounts/:id/deletion', auth: 'api-key', params: { id: 'subAccount' } },
  { method: 'DELETE', path: '/v1/sub-accounts/:id/deletion', auth: 'api-key', params: { id: 'subAccount' } },
  {
    method: 'POST',
    path: '/v1/messages',
    auth: 'api-key',
    validBody: { to: '+14155550100', text: 'Hello' },
    bodyRequired: true,
    fields: sendFields,
  },
  { method: 'GET', path: '/v1/messages', auth: 'api-key', query: 'messages' },
  { method: 'GET', path: '/v1/messages/:id', auth: 'api-key', params: { id: 'message' } },
  { method: 'GET', path: '/v1/balance', auth: 'api-key' },
  { method: 'GET', path: '/v1/me', auth: 'api-key' },
  {
    method: 'POST',
    path: '/admin/v1/teams',
    auth: 'admin',
    validBody: { name: 'Corpus team' },
    bodyRequired: true,
    fields: [
      { field: 'name', refused: NOT_A_NAME },
      { field: 'currency', refused: [...NOT_A_CHOICE, 'eur'] },
    ],
  },
  {
    method: 'POST',
    path: '/admin/v1/teams/:id/top-ups',
    auth: 'admin',
    params: { id: 'team' },
    idsReachLedger: true,
    validBody: { amount: 100 },
    bodyRequired: true,
    fields: [
      { field: 'amount', refused: [...NOT_CENTS, 0, null, 1_000_000_000_001] },
      { field: 'reference', refused: [...NOT_TEXT, '', 'x'.repeat(256)] },
    ],
  },
  {
    method: 'POST',
    path: '/admin/v1/teams/:id/adjustments',
    auth: 'admin',
    params: { id: 'team' },
    idsReachLedger: true,
    validBody: { amount: 100, reason: 'Carrier credit' },
    bodyRequired: true,
    fields: [
      {
        field: 'amount',
        refused: [
          '12',
          true,
          [],
          {},
          1.5,
          0,
          null,
          1e308,
          TWO_TO_THE_64,
          OVERFLOWING,
          1_000_000_000_001,
          -1_000_000_000_001,
        ],
      },
      { field: 'reason', refused: [...NOT_REQUIRED_TEXT, '', '   ', 'x'.repeat(501)] },
    ],
  },
  { method: 'GET', path: '/admin/v1/teams/:id', auth: 'admin', params: { id: 'team' } },
  { method: 'GET', path: '/admin/v1/teams/:id/ledger', auth: 'admin', params: { id: 'team' }, query: 'ledger' },
  { method: 'GET', path: '/admin/v1/teams/:id/usage', auth: 'admin', params: { id: 'team' }, query: 'usage' },
  { method: 'GET', path: '/admin/v1/teams', auth: 'admin', query: 'teams' },
  { method: 'GET', path: '/admin/v1/activity', auth: 'admin', query: 'activity' },
];
