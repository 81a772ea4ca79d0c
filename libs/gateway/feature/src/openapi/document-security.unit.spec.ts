import type { OpenAPIObject } from '@nestjs/swagger';
import type { AuthRequirement } from '../shared/auth-requirement.decorator';
import { documentSecurity } from './document-security';

const operation = (operationId: string, extra: object = {}) => ({
  operationId,
  responses: { '200': { description: 'ok' } },
  ...extra,
});

function documentWith(): OpenAPIObject {
  return {
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/v1/things': { get: operation('Things_list'), post: operation('Things_create', { security: [{ bearer: [] }] }) },
      '/v1/things/{id}': {
        delete: operation('Things_remove', {
          responses: { '204': { description: 'gone' }, '403': { description: 'own words' } },
        }),
      },
      '/admin/v1/teams': { post: operation('Teams_create') },
      '/health': { get: operation('Health_check') },
    },
  } as OpenAPIObject;
}

describe('documentSecurity', () => {
  const requirements = new Map<string, AuthRequirement>([
    ['Things_list', 'api-key'],
    ['Things_create', 'main-account'],
    ['Things_remove', 'main-account'],
    ['Teams_create', 'admin'],
  ]);
  const document = documentSecurity(documentWith(), requirements);
  const op = (path: string, method: string) =>
    (
      document.paths[path] as Record<string, { security?: unknown; responses: Record<string, { description: string }> }>
    )[method];

  it('sets the scheme RequireAuth implies, replacing a route-chosen one', () => {
    expect(op('/v1/things', 'get').security).toEqual([{ 'api-key': [] }]);
    expect(op('/v1/things', 'post').security).toEqual([{ 'api-key': [] }]);
    expect(op('/admin/v1/teams', 'post').security).toEqual([{ 'admin-token': [] }]);
    expect(op('/health', 'get').security).toBeUndefined();
  });

  it('adds the guard answers a route does not document itself', () => {
    expect(Object.keys(op('/v1/things', 'get').responses).sort()).toEqual(['200', '401', '403', '429', 'default']);
    expect(op('/v1/things/{id}', 'delete').responses['403'].description).toBe('own words');
    expect(Object.keys(op('/admin/v1/teams', 'post').responses).sort()).toEqual(['200', '401', '429', 'default']);
    expect(Object.keys(op('/health', 'get').responses).sort()).toEqual(['200', 'default']);
  });

  it('declares the error body once, as a component', () => {
    expect(document.components?.schemas?.Error).toMatchObject({ required: ['code', 'message', 'details'] });
  });
});
