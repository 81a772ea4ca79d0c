import type { ValidationError } from 'class-validator';
import { ApiError } from '../shared/api-error';

/** One bad field of a request: `path` names it from the body root (`metadata.plan`, `items[0].to`). */
export interface FieldError {
  readonly path: string;
  readonly message: string;
}

/** A body of 64 KiB cannot hold more bad fields than this is worth reporting. */
const MAX_FIELD_ERRORS = 100;

/** 400 `invalid_request` naming every bad field: the one shape of every validation failure (docs/contract.md §3). */
export function invalidRequest(errors: readonly FieldError[], message = 'The request is invalid.'): ApiError {
  return new ApiError(400, 'invalid_request', message, { errors: errors.slice(0, MAX_FIELD_ERRORS) });
}

/** class-validator's error tree as one flat list, one entry per failed constraint, with full paths. */
export function flattenValidationErrors(errors: readonly ValidationError[], parentPath = ''): FieldError[] {
  const flat: FieldError[] = [];
  // The tree is as deep as the DTO classes nest, not as deep as the payload, so recursion is bounded.
  for (const error of errors) {
    const path = joinPath(parentPath, error.property);
    for (const message of Object.values(error.constraints ?? {})) flat.push({ path, message });
    if (error.children?.length) flat.push(...flattenValidationErrors(error.children, path));
  }
  return flat;
}

/** `a.b` for properties, `a[0]` for array elements (class-validator names them by their index). */
export function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent === '' ? property : `${parent}.${property}`;
}
