import supertest from 'supertest';
import { GatewayModule } from '../gateway.module';
import { type EdgeTestApp, startEdgeTestApp } from '../testing/edge-test-app';

type OpenApiDocument = {
  paths: Record<string, Record<string, { security?: Record<string, string[]>[]; responses: Record<string, unknown> }>>;
};

const OPERATION_METHODS = new Set(['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace']);

/**
 * `METHOD /path/{param}` of every route the server serves, but the document's own, the ops
 * dashboard's page and files (docs/operations.md: a web page, not an API) and the HEAD routes
 * Fastify adds beside each GET.
 */
function servedRoutes(edge: EdgeTestApp): string[] {
  return edge.routes
    .map((route) => route.replace(/:(\w+)/g, '{$1}'))
    .filter((route) => !route.startsWith('HEAD ') && !/^\w+ \/(docs($|\/)|openapi\.json$|ops($|\/))/.test(route))
    .sort();
}

function documentedRoutes(document: OpenApiDocument): string[] {
  return Object.entries(document.paths)
    .flatMap(([path, item]) =>
      Object.keys(item)
        .filter((method) => OPERATION_METHODS.has(method))
        .map((method) => `${method.toUpperCase()} ${path}`),
    )
    .sort();
}

describe('OpenAPI document of the gateway', () => {
  let edge: EdgeTestApp;
  let document: OpenApiDocument;

  beforeAll(async () => {
    edge = await startEdgeTestApp({ database: 'PostgreSQL', gateway: GatewayModule.forRoot, withTestRoutes: false });
    document = (await supertest(edge.http).get('/openapi.json').expect(200)).body;
  });
  afterAll(() => edge.close());

  it('documents every route the app serves, and nothing else', () => {
    const served = servedRoutes(edge);
    expect(served.length).toBeGreaterThan(0);
    expect(documentedRoutes(document)).toEqual(served);
  });

  it('serves the Swagger UI at /docs', async () => {
    const response = await supertest(edge.http).get('/docs').redirects(1);
    expect(response.status).toBe(200);
    expect(response.text).toMatch(/swagger/i);
  });

  it('gives every /v1 and /admin/v1 operation its security scheme and the guard answers', () => {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(item)) {
        if (!OPERATION_METHODS.has(method)) continue;
        const expected = path.startsWith('/admin/') ? 'admin-token' : path.startsWith('/v1/') ? 'api-key' : undefined;
        if (!expected) continue;
        expect({ route: `${method} ${path}`, security: operation.security }).toEqual({
          route: `${method} ${path}`,
          security: [{ [expected]: [] }],
        });
        expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['401', '429', 'default']));
      }
    }
  });
});

describe('OpenAPI security from RequireAuth', () => {
  let edge: EdgeTestApp;
  let document: OpenApiDocument;

  beforeAll(async () => {
    edge = await startEdgeTestApp({ database: 'PostgreSQL' });
    document = (await supertest(edge.http).get('/openapi.json').expect(200)).body;
  });
  afterAll(() => edge.close());

  it('documents exactly the served test routes', () => {
    expect(documentedRoutes(document)).toEqual(servedRoutes(edge));
  });

  it('marks API-key, main-account and operator routes, and leaves public ones open', () => {
    expect(document.paths['/test/items/{id}'].get.security).toEqual([{ 'api-key': [] }]);
    expect(Object.keys(document.paths['/test/items/{id}'].get.responses)).toEqual(
      expect.arrayContaining(['401', '403', '429']),
    );
    expect(document.paths['/test/main-only'].get.security).toEqual([{ 'api-key': [] }]);
    expect(document.paths['/test-admin/whoami'].get.security).toEqual([{ 'admin-token': [] }]);
    expect(document.paths['/test-admin/whoami'].get.responses['403']).toBeUndefined();
    expect(document.paths['/test/public'].get.security).toBeUndefined();
    expect(document.paths['/test/public'].get.responses['401']).toBeUndefined();
    expect((document as unknown as { components: { securitySchemes: object } }).components.securitySchemes).toEqual({
      'api-key': expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      'admin-token': expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
  });
});
