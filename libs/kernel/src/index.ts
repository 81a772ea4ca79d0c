export { assertNever } from './assert-never';
export { err, type Err, ok, type Ok, type Result } from './result';
