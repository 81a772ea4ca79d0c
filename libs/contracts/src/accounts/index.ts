export * from './account-kinds';
export * from './accounts-refusal';
export * from './accounts-schema-version';
export * from './team-directory.commands';
export * from './team-directory.events';
export * from './account.commands';
export * from './account.events';
export * from './personal-data-erasure';
export * from './codec/team-directory.codec';
export * from './codec/account.codec';
// Prefixed so that they cannot clash with the ledger section's own codec names in the root index.
export type { DecodeError as AccountsDecodeError, JsonObject as AccountsJsonObject } from './codec/json-codec';
export type { UnionCodec as AccountsCodec } from './codec/union-codec';
export { isPlainObject } from './codec/json-codec';
