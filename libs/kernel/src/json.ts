/**
 * Plain JSON: what a stored event's data and metadata hold and what the contracts' codecs write.
 * Amounts travel as decimal strings, because JSON numbers cannot carry a bigint without losing digits.
 */
export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}
