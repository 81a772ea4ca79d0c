import type { AccountChanges } from '@subledger/contracts';
import { creditLimitMicros } from '../credit-limit-micros';
import type { UpdateSubAccountRequest } from './update-sub-account.request.dto';

/** Only the fields the body holds; JSON has no `undefined`, so absent means "leave alone". */
export function toAccountChanges(body: UpdateSubAccountRequest): AccountChanges {
  return {
    ...(body.name === undefined ? {} : { name: body.name }),
    ...(body.externalId === undefined ? {} : { externalId: body.externalId }),
    ...(body.creditLimit === undefined ? {} : { creditLimit: creditLimitMicros(body.creditLimit) }),
    ...(body.metadata === undefined ? {} : { metadata: body.metadata === null ? null : { ...body.metadata } }),
    ...(body.status === undefined ? {} : { status: body.status }),
  };
}
