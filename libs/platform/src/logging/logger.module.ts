import { DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { LoggerModule } from 'nestjs-pino';

/**
 * Structured JSON logs through pino. Credentials never reach a log line: the authorization header
 * and anything that looks like a key are redacted at the source.
 */
export function structuredLoggerModule(service: string): DynamicModule {
  return LoggerModule.forRootAsync({
    inject: [ConfigService],
    useFactory: (config: ConfigService) => ({
      pinoHttp: {
        level: config.get<string>('LOG_LEVEL') ?? 'info',
        base: { service },
        redact: {
          paths: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-api-key"]', '*.apiKey', '*.key'],
          censor: '[redacted]',
        },
        autoLogging: { ignore: (req) => req.url === '/health' },
      },
    }),
  });
}
