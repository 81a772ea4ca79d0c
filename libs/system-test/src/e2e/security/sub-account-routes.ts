export type Method = 'get' | 'post' | 'patch' | 'delete';

export interface RouteCall {
  readonly method: Method;
  readonly path: string;
  readonly body?: Readonly<Record<string, unknown>>;
}

export interface SubAccountRoute {
  /** `POST /v1/sub-accounts/:id/api-keys`: the route as docs/contract.md §4 lists it. */
  readonly name: string;
  /** The call aimed at a sub-account and one of its keys. */
  readonly call: (target: { readonly subAccountId: string; readonly keyId: string }) => RouteCall;
}

const route = (method: Method, path: string, body?: Record<string, unknown>): SubAccountRoute => ({
  name: `${method.toUpperCase()} ${path}`,
  call: ({ subAccountId, keyId }) => ({
    method,
    path: path.replace(':id', subAccountId).replace(':keyId', keyId),
    ...(body ? { body } : {}),
  }),
});

/** Every `/v1/sub-accounts` route of docs/contract.md §4, each with a body it would accept from a main-account key. */
export const SUB_ACCOUNT_ROUTES: readonly SubAccountRoute[] = [
  route('post', '/v1/sub-accounts', { name: 'Nested' }),
  route('get', '/v1/sub-accounts'),
  route('get', '/v1/sub-accounts/:id'),
  route('patch', '/v1/sub-accounts/:id', { name: 'Taken over', creditLimit: 0 }),
  route('delete', '/v1/sub-accounts/:id'),
  route('get', '/v1/sub-accounts/:id/balance'),
  route('get', '/v1/sub-accounts/:id/api-keys'),
  route('post', '/v1/sub-accounts/:id/api-keys', { name: 'Second way in' }),
  route('delete', '/v1/sub-accounts/:id/api-keys/:keyId'),
  route('post', '/v1/sub-accounts/:id/deletion'),
  route('delete', '/v1/sub-accounts/:id/deletion'),
];

/** The routes that name one sub-account: all but create and list. */
export const ROUTES_WITH_AN_ID = SUB_ACCOUNT_ROUTES.filter(({ name }) => name.includes(':id'));
