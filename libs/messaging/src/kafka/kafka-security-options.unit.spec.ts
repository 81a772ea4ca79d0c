import { isKafkaAuthenticationError, kafkaSecurityOptions } from './kafka-security-options';

describe('kafkaSecurityOptions', () => {
  it('gives kafkajs neither ssl nor sasl when nothing is set', () => {
    expect(kafkaSecurityOptions({})).toEqual({});
  });

  it('turns TLS on with the default CAs when no file is given', () => {
    expect(kafkaSecurityOptions({ tls: { rejectUnauthorized: true } })).toEqual({ ssl: { rejectUnauthorized: true } });
  });

  it('passes the CA and the client certificate as PEM text', () => {
    const options = kafkaSecurityOptions({
      tls: { ca: 'CA PEM', cert: 'CERT PEM', key: 'KEY PEM', rejectUnauthorized: false },
    });
    expect(options.ssl).toEqual({ ca: ['CA PEM'], cert: 'CERT PEM', key: 'KEY PEM', rejectUnauthorized: false });
  });

  it.each(['plain', 'scram-sha-256', 'scram-sha-512'] as const)('passes SASL %s with its credentials', (mechanism) => {
    expect(kafkaSecurityOptions({ sasl: { mechanism, username: 'svc', password: 's3cret' } })).toEqual({
      sasl: { mechanism, username: 'svc', password: 's3cret' },
    });
  });

  it('combines SASL and TLS (a managed Kafka: SASL_SSL)', () => {
    const options = kafkaSecurityOptions({
      tls: { rejectUnauthorized: true },
      sasl: { mechanism: 'scram-sha-512', username: 'svc', password: 'p' },
    });
    expect(options).toEqual({
      ssl: { rejectUnauthorized: true },
      sasl: { mechanism: 'scram-sha-512', username: 'svc', password: 'p' },
    });
  });
});

describe('isKafkaAuthenticationError', () => {
  it("knows kafkajs' SASL authentication error, by class and by message", () => {
    const byClass = Object.assign(new Error('Authentication failed'), { name: 'KafkaJSSASLAuthenticationError' });
    expect(isKafkaAuthenticationError(byClass)).toBe(true);
    expect(
      isKafkaAuthenticationError(
        new Error(
          'SASL SCRAM SHA256 authentication failed: Authentication failed during authentication due to invalid credentials with SASL mechanism SCRAM-SHA-256',
        ),
      ),
    ).toBe(true);
  });

  it('leaves other errors alone', () => {
    expect(isKafkaAuthenticationError(new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092'))).toBe(false);
    expect(isKafkaAuthenticationError('SASL PLAIN authentication failed')).toBe(false);
  });
});
