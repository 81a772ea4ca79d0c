import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { KeyIdentity } from '@subledger/contracts';

/** The request property where the auth guard leaves the caller's identity. */
export const IDENTITY_PROPERTY = 'subledgerIdentity';

export type RequestWithIdentity = { [IDENTITY_PROPERTY]?: KeyIdentity };

/** The authenticated caller of an `api-key` or `main-account` route. */
export const CurrentIdentity = createParamDecorator((_: unknown, context: ExecutionContext): KeyIdentity => {
  const identity = context.switchToHttp().getRequest<RequestWithIdentity>()[IDENTITY_PROPERTY];
  if (!identity) throw new Error('CurrentIdentity used on a route without api-key authentication');
  return identity;
});
