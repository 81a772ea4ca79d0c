import type { KafkaConfig, SASLOptions } from 'kafkajs';
import type { KafkaConnectionConfig } from './kafka-connection.config';

/** kafkajs' `ssl` and `sasl` options for the connection's TLS and SASL settings; none when both are absent. */
export function kafkaSecurityOptions(
  config: Pick<KafkaConnectionConfig, 'tls' | 'sasl'>,
): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  const options: Pick<KafkaConfig, 'ssl' | 'sasl'> = {};
  if (config.tls) {
    const { ca, cert, key, rejectUnauthorized } = config.tls;
    options.ssl = {
      rejectUnauthorized,
      ...(ca === undefined ? {} : { ca: [ca] }),
      ...(cert === undefined || key === undefined ? {} : { cert, key }),
    };
  }
  if (config.sasl) {
    const { mechanism, username, password } = config.sasl;
    options.sasl = { mechanism, username, password } as SASLOptions;
  }
  return options;
}

/** Whether kafkajs refused the connection because the broker did not accept the credentials. */
export function isKafkaAuthenticationError(error: unknown): boolean {
  return (
    error instanceof Error &&
    (error.name === 'KafkaJSSASLAuthenticationError' || /SASL .* authentication failed/i.test(error.message))
  );
}
