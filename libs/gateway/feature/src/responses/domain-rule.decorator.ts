import type { FieldViolation } from '@subledger/contracts';
import type { Result } from '@subledger/kernel';
import { type ValidationArguments, ValidateBy, type ValidationOptions } from 'class-validator';
import { violationMessage } from './violation-messages';

/** A check of the accounts domain's value objects (`validateName`, `validateMetadata`, ...). */
export type DomainRule = (value: unknown, field: string) => Result<unknown, readonly FieldViolation[]>;

/**
 * Validates a DTO property with the very rule the accounts service applies, so the edge and the
 * domain can never disagree on what a name, an external id or metadata may be. Every violation is
 * named in the message ("metadata.plan is too long").
 */
export function SatisfiesRule(rule: DomainRule, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: `satisfies ${rule.name}`,
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => rule(value, args?.property ?? 'value').ok,
        defaultMessage: (args?: ValidationArguments) => describe(rule(args?.value, args?.property ?? 'value')),
      },
    },
    options,
  );
}

function describe(result: ReturnType<DomainRule>): string {
  if (result.ok) return '';
  return result.error.map((violation) => `${violation.field} ${violationMessage(violation.reason)}`).join('; ');
}
