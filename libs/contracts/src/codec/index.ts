export type { DecodeError, DecodeReason } from './decode-error';
export type { FieldCodec } from './field-codec';
export { decodeOrThrow } from './decode-or-throw';
export { isPlainObject } from './json';
export type { Shape, UnknownFields } from './object-codec';
export type { UnionCodec, Variants } from './union-codec';
export type { WireCodec } from './wire-codec';
