import Joi from 'joi';
import { validateEnvironment } from './validate-environment';
import {
  describeKafkaSecurity,
  kafkaSecurity,
  type KafkaSecurityConfig,
  kafkaSecurityConfigSchema,
} from './kafka-security-config';

const schema = Joi.object(kafkaSecurityConfigSchema).unknown(true);
const files: Record<string, string> = {
  '/certs/ca.pem': '-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n',
  '/certs/client.pem': '-----BEGIN CERTIFICATE-----\nCLIENT\n-----END CERTIFICATE-----\n',
  '/certs/client.key': '-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----\n',
  '/certs/empty.pem': '',
};
const readFile = (path: string): string => {
  if (path in files) return files[path];
  throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
};

/** The environment as the services see it: Joi's values, then the combinations and files. */
function security(env: Record<string, string>) {
  return kafkaSecurity(validateEnvironment<KafkaSecurityConfig>(schema, env), readFile);
}

describe('Kafka security settings', () => {
  it('means plaintext without authentication when nothing is set', () => {
    expect(security({})).toEqual({});
    expect(security({ KAFKA_SSL: 'false' })).toEqual({});
  });

  it('turns TLS on, verifying the broker by default, with the CA and client certificate read from their files', () => {
    expect(security({ KAFKA_SSL: 'true' })).toEqual({ tls: { rejectUnauthorized: true } });
    expect(
      security({
        KAFKA_SSL: 'true',
        KAFKA_SSL_CA_FILE: '/certs/ca.pem',
        KAFKA_SSL_CERT_FILE: '/certs/client.pem',
        KAFKA_SSL_KEY_FILE: '/certs/client.key',
      }),
    ).toEqual({
      tls: {
        ca: files['/certs/ca.pem'],
        cert: files['/certs/client.pem'],
        key: files['/certs/client.key'],
        rejectUnauthorized: true,
      },
    });
    expect(security({ KAFKA_SSL: 'TRUE', KAFKA_SSL_REJECT_UNAUTHORIZED: 'false' })).toEqual({
      tls: { rejectUnauthorized: false },
    });
  });

  it.each(['plain', 'scram-sha-256', 'SCRAM-SHA-512'])('takes SASL %s with a username and a password', (mechanism) => {
    expect(
      security({ KAFKA_SASL_MECHANISM: mechanism, KAFKA_SASL_USERNAME: 'ledger', KAFKA_SASL_PASSWORD: 'pw' }),
    ).toEqual({
      sasl: { mechanism: mechanism.toLowerCase(), username: 'ledger', password: 'pw' },
    });
  });

  it('takes SASL over TLS, the usual managed Kafka', () => {
    expect(
      security({
        KAFKA_SSL: 'true',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'ledger',
        KAFKA_SASL_PASSWORD: 'pw',
      }),
    ).toEqual({
      tls: { rejectUnauthorized: true },
      sasl: { mechanism: 'scram-sha-512', username: 'ledger', password: 'pw' },
    });
  });

  it.each([
    [{ KAFKA_SSL: 'yes' }, '"KAFKA_SSL" must be a boolean'],
    [
      { KAFKA_SSL: 'true', KAFKA_SSL_REJECT_UNAUTHORIZED: 'maybe' },
      '"KAFKA_SSL_REJECT_UNAUTHORIZED" must be a boolean',
    ],
    [
      { KAFKA_SASL_MECHANISM: 'gssapi', KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' },
      '"KAFKA_SASL_MECHANISM" must be one of [plain, scram-sha-256, scram-sha-512]',
    ],
    [{ KAFKA_SSL_CA_FILE: '/certs/ca.pem' }, 'KAFKA_SSL_CA_FILE is set but KAFKA_SSL is not true'],
    [
      { KAFKA_SSL: 'false', KAFKA_SSL_REJECT_UNAUTHORIZED: 'false' },
      'KAFKA_SSL_REJECT_UNAUTHORIZED is set but KAFKA_SSL is not true',
    ],
    [
      { KAFKA_SSL: 'true', KAFKA_SSL_CERT_FILE: '/certs/client.pem' },
      'KAFKA_SSL_CERT_FILE is set without KAFKA_SSL_KEY_FILE',
    ],
    [
      { KAFKA_SSL: 'true', KAFKA_SSL_KEY_FILE: '/certs/client.key' },
      'KAFKA_SSL_KEY_FILE is set without KAFKA_SSL_CERT_FILE',
    ],
    [
      { KAFKA_SASL_MECHANISM: 'plain' },
      'KAFKA_SASL_MECHANISM is set without KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD',
    ],
    [
      { KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'u' },
      'KAFKA_SASL_MECHANISM and KAFKA_SASL_USERNAME are set without KAFKA_SASL_PASSWORD',
    ],
    [
      { KAFKA_SASL_USERNAME: 'u', KAFKA_SASL_PASSWORD: 'p' },
      'KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD are set without KAFKA_SASL_MECHANISM',
    ],
    [
      { KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: '/certs/missing.pem' },
      'KAFKA_SSL_CA_FILE cannot be read (/certs/missing.pem: ENOENT)',
    ],
    [
      { KAFKA_SSL: 'true', KAFKA_SSL_CA_FILE: '/certs/empty.pem' },
      'KAFKA_SSL_CA_FILE (/certs/empty.pem) holds no PEM block',
    ],
  ])('refuses %j, naming the variable', (env, message) => {
    expect(() => security(env as Record<string, string>)).toThrow(message);
  });

  it('reports every bad combination at once', () => {
    expect(() => security({ KAFKA_SSL_CERT_FILE: '/certs/client.pem', KAFKA_SASL_USERNAME: 'u' })).toThrow(
      'Kafka security settings: KAFKA_SSL_CERT_FILE is set but KAFKA_SSL is not true; KAFKA_SASL_USERNAME is set without KAFKA_SASL_MECHANISM and KAFKA_SASL_PASSWORD',
    );
  });

  it('never repeats the password, neither in an error nor in the start-up line', () => {
    const password = 'hunter2-very-secret';
    let message = '';
    try {
      security({ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_PASSWORD: password });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('KAFKA_SASL_PASSWORD');
    expect(message).not.toContain(password);
    const line = describeKafkaSecurity(
      security({
        KAFKA_SSL: 'true',
        KAFKA_SASL_MECHANISM: 'scram-sha-256',
        KAFKA_SASL_USERNAME: 'ledger',
        KAFKA_SASL_PASSWORD: password,
      }),
    );
    expect(line).toBe('TLS, SASL SCRAM-SHA-256 as ledger');
    expect(describeKafkaSecurity({})).toBe('no TLS, no SASL');
  });
});
