import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { KeyIdentity } from '@subledger/contracts';
import { assertNever } from '@subledger/kernel';
import { type Clock, CLOCK } from '@subledger/platform';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { apiKeyDigest, parseApiKeyFormat } from '../keys/api-key';
import { ApiError } from '../shared/api-error';
import { AUTH_REQUIREMENT, type AuthRequirement } from '../shared/auth-requirement.decorator';
import { IDENTITY_PROPERTY, type RequestWithIdentity } from '../shared/current-identity.decorator';
import { GATEWAY_OPTIONS, type GatewayOptions } from '../shared/gateway-options';
import { accountInactive, forbiddenForSubAccount, invalidAdminToken, invalidApiKey } from './auth-errors';
import { bearerToken } from './bearer-token';
import { CALLER_PROPERTY, type RequestWithCaller } from './caller';
import { constantTimeEqual } from './constant-time';
import { IdentityCache } from './identity-cache';
import { KeyUsageRecorder } from './key-usage.recorder';

type AuthRequest = FastifyRequest & RequestWithIdentity & RequestWithCaller;

/**
 * The gateway's global guard: a route marked with RequireAuth takes an API key or the operator
 * token; a route without it is public. On success the caller is left on the request for handlers
 * (CurrentIdentity), rate limits and idempotency.
 */
@Injectable()
export class GatewayAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(GATEWAY_OPTIONS) private readonly options: GatewayOptions,
    private readonly identities: IdentityCache,
    private readonly usage: KeyUsageRecorder,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const requirement = this.reflector.getAllAndOverride<AuthRequirement | undefined>(AUTH_REQUIREMENT, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!requirement) return true;
    const request = context.switchToHttp().getRequest<AuthRequest>();
    try {
      await this.authenticate(request, requirement);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.getStatus() === 401) {
        context.switchToHttp().getResponse<FastifyReply>().header('WWW-Authenticate', 'Bearer realm="subledger"');
      }
      throw error;
    }
  }

  private async authenticate(request: AuthRequest, requirement: AuthRequirement): Promise<void> {
    const token = bearerToken(request.headers.authorization);
    switch (requirement) {
      case 'admin':
        if (token === null || !constantTimeEqual(token, this.options.adminToken)) throw invalidAdminToken();
        request[CALLER_PROPERTY] = { kind: 'admin' };
        return;
      case 'api-key':
      case 'main-account':
        return this.authenticateKey(request, token, requirement);
      default:
        return assertNever(requirement);
    }
  }

  private async authenticateKey(
    request: AuthRequest,
    token: string | null,
    requirement: 'api-key' | 'main-account',
  ): Promise<void> {
    if (token === null) throw invalidApiKey('Authorization: Bearer <api key> is required.');
    if (!parseApiKeyFormat(token)) throw invalidApiKey('The API key is malformed.');
    const digest = apiKeyDigest(token);
    const identity = await this.identities.identify(digest);
    if (!identity || identity.revoked) throw invalidApiKey();
    assertAccountUsable(identity);
    if (requirement === 'main-account' && identity.accountKind !== 'main') throw forbiddenForSubAccount();
    request[IDENTITY_PROPERTY] = identity;
    request[CALLER_PROPERTY] = { kind: 'api-key', identity, digest };
    this.usage.record(identity, this.clock.now());
  }
}

/** docs/contract.md §2: a suspended account answers 403; a deactivated or deleted one has no valid keys (401). */
function assertAccountUsable(identity: KeyIdentity): void {
  switch (identity.accountStatus) {
    case 'active':
      return;
    case 'inactive':
      throw accountInactive();
    case 'pending_deletion':
    case 'purged':
      throw invalidApiKey();
    default:
      return assertNever(identity.accountStatus);
  }
}
