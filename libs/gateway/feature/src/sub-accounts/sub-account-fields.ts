import { creditLimitFromCents, validateExternalId, validateMetadata, validateName } from '@subledger/accounts-domain';
import type { DomainRule } from '../responses/domain-rule.decorator';

// The accounts domain's own rules, shared by the create and update bodies.

export const nameRule: DomainRule = validateName;
export const externalIdRule: DomainRule = validateExternalId;
export const metadataRule: DomainRule = validateMetadata;
/** Integer cents from 0 to 10^12; 0 and null mean no limit. */
export const creditLimitRule: DomainRule = creditLimitFromCents;
