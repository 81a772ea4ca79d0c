import type { Micros } from '@subledger/money';
import type {
  AccountKind,
  AccountMetadata,
  AccountStatus,
  ApiKeyEnvironment,
  EpochMs,
} from '../accounts/account-kinds';

export interface TeamView {
  readonly id: string;
  readonly name: string;
  readonly currency: string;
  readonly mainAccountId: string;
  readonly createdAt: EpochMs;
}

/** A team in the operators' list: with the number of its live sub-accounts. */
export interface TeamListItemView extends TeamView {
  readonly subAccounts: number;
}

/** A project as the accounts service knows it; spend comes from the ledger and is merged at the edge. */
export interface AccountView {
  readonly id: string;
  readonly teamId: string;
  readonly kind: AccountKind;
  readonly name: string;
  readonly externalId: string | null;
  readonly status: AccountStatus;
  readonly creditLimit: Micros | null;
  readonly metadata: AccountMetadata | null;
  readonly createdAt: EpochMs;
  readonly deleteAt: EpochMs | null;
}

export interface ApiKeyView {
  readonly id: string;
  readonly accountId: string;
  readonly name: string;
  readonly keyPrefix: string;
  readonly environment: ApiKeyEnvironment;
  readonly permissions: readonly string[];
  readonly createdAt: EpochMs;
  readonly lastUsedAt: EpochMs | null;
  readonly revokedAt: EpochMs | null;
}

/** Who is calling, resolved from the digest of an API key. */
export interface KeyIdentity {
  readonly keyId: string;
  readonly accountId: string;
  readonly teamId: string;
  readonly accountKind: AccountKind;
  readonly accountStatus: AccountStatus;
  readonly environment: ApiKeyEnvironment;
  readonly revoked: boolean;
  /** The stored digest, which the gateway compares with the presented key's in constant time. */
  readonly digest: string;
}

export type MessageStatus = 'queued' | 'sent' | 'delivered' | 'failed';

/** A message record. `to`, bodies and metadata are personal data: erased when the account is purged. */
export interface MessageView {
  readonly id: string;
  readonly teamId: string;
  readonly accountId: string;
  readonly to: string | null;
  readonly channel: string;
  readonly messageType: string;
  readonly status: MessageStatus;
  readonly text: string | null;
  readonly subject: string | null;
  readonly htmlBody: string | null;
  readonly metadata: Readonly<Record<string, unknown>> | null;
  /** The other optional fields of the Zavu send request, stored as sent. */
  readonly extra: Readonly<Record<string, unknown>> | null;
  readonly cost: Micros;
  readonly units: number;
  readonly isTest: boolean;
  /** The ledger charge of a live message (null for test messages). */
  readonly chargeId: string | null;
  readonly refunded: boolean;
  readonly errorCode: string | null;
  readonly createdAt: EpochMs;
  readonly updatedAt: EpochMs;
}
