import { DynamicModule } from '@nestjs/common';
import { ConfigModule, ConfigService } from '@nestjs/config';
import type { ObjectSchema } from 'joi';

/**
 * The one typed, validated source of configuration of an app. Every bad value is reported at once,
 * by name, and stops start-up (Joi with abortEarly off).
 */
export function validatedConfigModule(schema: ObjectSchema): Promise<DynamicModule> {
  return ConfigModule.forRoot({
    isGlobal: true,
    ignoreEnvFile: true,
    cache: true,
    validationSchema: schema,
    validationOptions: { abortEarly: false, allowUnknown: true },
  });
}

/** The validated values of the keys a schema fragment names, as one typed object for a module's options. */
export function configValues<T>(config: ConfigService, fragment: Record<keyof T, unknown>): T {
  return Object.fromEntries(Object.keys(fragment).map((key) => [key, config.get(key)])) as T;
}
