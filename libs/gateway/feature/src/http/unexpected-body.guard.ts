import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { Reflector } from '@nestjs/core';
import { invalidRequest } from '../errors/field-error';
import { AUTH_REQUIREMENT } from '../shared/auth-requirement.decorator';

/**
 * docs/contract.md §3: unknown body fields are refused, not ignored. The validation pipe refuses them on routes
 * that read a body DTO; this does it on the API routes that read no body at all (DELETE, the
 * deletion POST, every GET), where any field is unknown. An empty body or `{}` passes. The last
 * guard, so a refused request claims no idempotency key; a guard rather than an interceptor, as
 * Nest binds an AsyncResource for every interceptor of every request.
 */
@Injectable()
export class UnexpectedBodyGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http' || !this.isApiRoute(context) || takesBody(context)) return true;
    const { body } = context.switchToHttp().getRequest<{ body?: unknown }>();
    const fields = typeof body === 'object' && body !== null ? Object.keys(body) : [];
    if (fields.length > 0)
      throw invalidRequest(fields.map((field) => ({ path: field, message: `property ${field} should not exist` })));
    return true;
  }

  private isApiRoute(context: ExecutionContext): boolean {
    return this.reflector.getAllAndOverride(AUTH_REQUIREMENT, [context.getHandler(), context.getClass()]) !== undefined;
  }
}

function takesBody(context: ExecutionContext): boolean {
  const parameters: Record<string, unknown> =
    Reflect.getMetadata(ROUTE_ARGS_METADATA, context.getClass(), context.getHandler().name) ?? {};
  return Object.keys(parameters).some((key) => key.split(':')[0] === String(RouteParamtypes.BODY));
}
