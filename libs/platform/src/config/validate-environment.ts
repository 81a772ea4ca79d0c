import type { ObjectSchema } from 'joi';

/** Validates an environment against a schema outside Nest (the operator CLI, tests, scripts); throws naming every bad key. */
export function validateEnvironment<T>(schema: ObjectSchema, env: Record<string, string | undefined>): T {
  const { error, value } = schema.validate(env, { abortEarly: false, allowUnknown: true });
  if (error) throw new Error(`Config validation error: ${error.message}`);
  return value as T;
}
