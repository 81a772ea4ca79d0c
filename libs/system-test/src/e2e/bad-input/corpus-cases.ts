import { CORPUS_ROUTES, type CorpusRoute, type IdKind, NOT_FOUND_CODES } from './corpus-routes';
import { type Expected, invalid, refused } from './expected-answer';
import { describeValue, jsonText, SCRIPT_FRAGMENT, SQL_FRAGMENT } from './json-values';
import { queryCases } from './query-cases';
import type { HttpMethod } from './raw-http';

export interface CorpusCase {
  readonly name: string;
  readonly method: HttpMethod;
  /** Path and query, with `{subAccount}`-style placeholders for the corpus team's real ids. */
  readonly path: string;
  /** The route's own credential, or none at all. */
  readonly credential: 'route' | 'none';
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: Buffer;
  readonly expected: Expected;
}

export type CaseParts = Omit<CorpusCase, 'name' | 'method' | 'path' | 'credential'> & {
  readonly path?: string;
  readonly credential?: 'none';
};

const JSON_TYPE = { 'Content-Type': 'application/json' };
const TEN_MB = 10 * 1024 * 1024;
/** Path ids that name nothing: injections, a very long one, non-ASCII, a traversal. */
const UNKNOWN_IDS = [SQL_FRAGMENT, SCRIPT_FRAGMENT, 'x'.repeat(1000), 'проект', '../../admin/v1/teams'];

const json = (value: unknown) => ({ headers: JSON_TYPE, body: Buffer.from(jsonText(value)) });
const rawJson = (text: string) => ({ headers: JSON_TYPE, body: Buffer.from(text) });
const typed = (contentType: string, text: string) => ({
  headers: { 'Content-Type': contentType },
  body: Buffer.from(text),
});

/** Every request of the corpus: each route with every way of getting it wrong. */
export function buildCorpus(): CorpusCase[] {
  return CORPUS_ROUTES.flatMap((route) => {
    const template = route.path.replace(/:(\w+)/g, (_match, name: string) => `{${route.params?.[name] ?? name}}`);
    const named = (what: string, parts: CaseParts): CorpusCase => ({
      name: `${route.method} ${route.path}: ${what}`,
      method: route.method,
      credential: 'route',
      ...parts,
      path: parts.path ?? template,
    });
    return [
      ...credentialCases(route),
      ...bodyCases(route),
      ...fieldCases(route),
      ...paramCases(route, template),
      ...queryCases(route.query, template),
    ].map(([what, parts]) => named(what, parts));
  });
}

export type Named = readonly [string, CaseParts];

function credentialCases(route: CorpusRoute): Named[] {
  const code = route.auth === 'admin' ? 'invalid_admin_token' : 'invalid_api_key';
  const body = route.validBody ? json(route.validBody) : {};
  return [['no Authorization header', { credential: 'none', ...body, expected: refused(401, code) }]];
}

/** Bodies no route may take, then the route's own body with one thing broken. */
function bodyCases(route: CorpusRoute): Named[] {
  const valid = jsonText(route.validBody ?? {});
  const withMember = (member: string) => `${valid.slice(0, -1)}${valid === '{}' ? '' : ','}${member}}`;
  const cases: Named[] = [
    ['a 10 MB string', { ...json({ name: 'x'.repeat(TEN_MB) }), expected: refused(413, 'payload_too_large') }],
    [
      'objects nested 10,000 levels',
      { ...rawJson(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`), expected: invalid() },
    ],
    [
      'arrays nested 10,000 levels',
      { ...rawJson(`{"name":${'['.repeat(10_000)}${']'.repeat(10_000)}}`), expected: invalid() },
    ],
    [
      'bytes that are not UTF-8',
      {
        headers: JSON_TYPE,
        body: Buffer.concat([Buffer.from('{"name":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}')]),
        expected: refused(400, 'invalid_json'),
      },
    ],
    ['JSON cut short', { ...rawJson('{"name":'), expected: refused(400, 'invalid_json') }],
    ['a __proto__ key', { ...rawJson(withMember('"__proto__":{"isAdmin":true}')), expected: invalid('__proto__') }],
    [
      'a constructor key',
      { ...rawJson(withMember('"constructor":{"prototype":{"isAdmin":true}}')), expected: invalid('constructor') },
    ],
    ['an array instead of an object', { ...rawJson(`[${valid}]`), expected: invalid() }],
    ['a string instead of an object', { ...rawJson('"Corpus"'), expected: invalid() }],
    [
      'Content-Type text/plain',
      { ...typed('text/plain', 'name=Corpus'), expected: refused(415, 'unsupported_media_type') },
    ],
    [
      'a form body',
      {
        ...typed('application/x-www-form-urlencoded', 'name=Corpus'),
        expected: refused(415, 'unsupported_media_type'),
      },
    ],
    ['an unknown field', { ...json({ ...route.validBody, unexpected: 1 }), expected: invalid('unexpected') }],
  ];
  if (route.bodyRequired) {
    cases.push(
      ['no body at all', { expected: invalid() }],
      ['an empty object', { ...rawJson('{}'), expected: invalid() }],
    );
  }
  if (route.method === 'POST') {
    const body = route.validBody ? json(route.validBody) : { headers: {} };
    cases.push(
      [
        'an Idempotency-Key of 256 characters',
        {
          ...body,
          headers: { ...body.headers, 'Idempotency-Key': 'k'.repeat(256) },
          expected: invalid('Idempotency-Key'),
        },
      ],
      [
        'an empty Idempotency-Key',
        { ...body, headers: { ...body.headers, 'Idempotency-Key': '' }, expected: invalid('Idempotency-Key') },
      ],
    );
  }
  return cases;
}

function fieldCases(route: CorpusRoute): Named[] {
  const valid = route.validBody ?? {};
  return (route.fields ?? []).flatMap(({ field, refused: values }) =>
    values.map((value): Named => [
      `${field} = ${describeValue(value)}`,
      { ...json(withField(valid, field, value)), expected: invalid(field) },
    ]),
  );
}

function paramCases(route: CorpusRoute, template: string): Named[] {
  const body = route.validBody ? json(route.validBody) : {};
  return Object.entries(route.params ?? {}).flatMap(([name, kind]: [string, IdKind]): Named[] => {
    const at = (id: string) => template.replace(`{${kind}}`, id);
    const nul: Named = [`:${name} with a NUL byte`, { ...body, path: at('a%00b'), expected: invalid() }];
    if (route.idsReachLedger) return [nul];
    const unknown = UNKNOWN_IDS.map((id): Named => [
      `:${name} = ${describeValue(id)}`,
      { ...body, path: at(encodeURIComponent(id)), expected: refused(404, NOT_FOUND_CODES[kind]) },
    ]);
    return [...unknown, nul];
  });
}

/** A copy of `body` with `value` at a dotted path, creating the objects on the way. */
function withField(body: Readonly<Record<string, unknown>>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(body) as Record<string, unknown>;
  const names = path.split('.');
  let target = copy;
  for (const name of names.slice(0, -1)) target = (target[name] ??= {}) as Record<string, unknown>;
  target[names[names.length - 1]] = value;
  return copy;
}
