// What an event's data and metadata may hold: plain JSON (the kernel's), amounts as decimal strings.
export type { JsonObject, JsonPrimitive, JsonValue } from '@subledger/kernel';
