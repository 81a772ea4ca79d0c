export { assertNever } from './assert-never';
export { andThen, err, type Err, ok, type Ok, type Result } from './result';
export type { JsonObject, JsonPrimitive, JsonValue } from './json';
export {
  answered,
  type AnyDecider,
  type Decider,
  type Decision,
  fold,
  isRefused,
  type MutatingDecider,
  recorded,
  refused,
  type Refused,
} from './decider';
