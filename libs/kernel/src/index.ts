export { assertNever } from './assert-never';
