import { ValidateBy, type ValidationOptions } from 'class-validator';

const MAX_ENTRIES = 50;
const MAX_VALUE_LENGTH = 1024;

/** A JSON object of string values (template variables): at most 50 entries of 1,024 characters. */
export function IsStringMap(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isStringMap',
      validator: {
        validate: (value: unknown) => isStringMap(value),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be an object of at most ${MAX_ENTRIES} string values of up to ${MAX_VALUE_LENGTH} characters`,
      },
    },
    options,
  );
}

function isStringMap(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= MAX_ENTRIES &&
    entries.every(([, item]) => typeof item === 'string' && item.length <= MAX_VALUE_LENGTH)
  );
}
