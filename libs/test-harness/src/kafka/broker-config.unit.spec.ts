import { type BrokerSasl, randomClusterId, scramFormatArguments, serverProperties } from './broker-config';

describe('randomClusterId', () => {
  it('is 22 characters of base64url', () => {
    expect(randomClusterId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("never starts with '-', which the storage tool would take for an option", () => {
    // 0xf8 encodes to '-' as the first base64url character; the next draw does not.
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0x01)];
    const id = randomClusterId(() => draws.shift() as Buffer);
    expect(id.startsWith('-')).toBe(false);
    expect(id).toBe(Buffer.alloc(16, 0x01).toString('base64url'));
    expect(draws).toEqual([]);
  });
});

describe('serverProperties with SASL', () => {
  const ports = { client: 9092, controller: 9093 };
  const lines = (sasl?: BrokerSasl) => serverProperties(ports, '/data', sasl).split('\n');

  it('keeps a PLAINTEXT client listener without SASL', () => {
    expect(lines()).toContain('listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093');
    expect(lines().some((line) => line.startsWith('sasl.'))).toBe(false);
  });

  it('serves PLAIN on a SASL_PLAINTEXT listener, the one user in the JAAS line', () => {
    const properties = lines({ mechanism: 'plain', username: 'svc', password: 'pw-1' });
    expect(properties).toEqual(
      expect.arrayContaining([
        'listeners=SASL_PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093',
        'advertised.listeners=SASL_PLAINTEXT://127.0.0.1:9092',
        'listener.security.protocol.map=SASL_PLAINTEXT:SASL_PLAINTEXT,CONTROLLER:PLAINTEXT',
        'inter.broker.listener.name=SASL_PLAINTEXT',
        'sasl.enabled.mechanisms=PLAIN',
        'sasl.mechanism.inter.broker.protocol=PLAIN',
        'listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="svc" password="pw-1" user_svc="pw-1";',
      ]),
    );
    expect(scramFormatArguments({ mechanism: 'plain', username: 'svc', password: 'pw-1' })).toEqual([]);
  });

  it('serves SCRAM with the user created when the storage is formatted', () => {
    const sasl: BrokerSasl = { mechanism: 'scram-sha-256', username: 'svc', password: 'pw-1' };
    expect(lines(sasl)).toEqual(
      expect.arrayContaining([
        'sasl.enabled.mechanisms=SCRAM-SHA-256',
        'listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="svc" password="pw-1";',
      ]),
    );
    expect(scramFormatArguments(sasl)).toEqual(['--add-scram', 'SCRAM-SHA-256=[name=svc,password=pw-1]']);
  });

  it('serves SASL_SSL from PEM stores, requiring a client certificate when asked to', () => {
    const tls = { keyStoreFile: '/w/broker.pem', trustStoreFile: '/w/ca.pem', requireClientCertificate: true };
    const properties = serverProperties(
      ports,
      '/data',
      { mechanism: 'scram-sha-512', username: 'svc', password: 'pw' },
      tls,
    ).split('\n');
    expect(properties).toEqual(
      expect.arrayContaining([
        'listeners=SASL_SSL://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093',
        'listener.security.protocol.map=SASL_SSL:SASL_SSL,CONTROLLER:PLAINTEXT',
        'listener.name.sasl_ssl.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="svc" password="pw";',
        'ssl.keystore.type=PEM',
        'ssl.keystore.location=/w/broker.pem',
        'ssl.truststore.location=/w/ca.pem',
        'listener.name.sasl_ssl.ssl.client.auth=required',
      ]),
    );
    const ssl = serverProperties(ports, '/data', undefined, { ...tls, requireClientCertificate: false }).split('\n');
    expect(ssl).toEqual(
      expect.arrayContaining([
        'listeners=SSL://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093',
        'listener.name.ssl.ssl.client.auth=none',
      ]),
    );
    expect(ssl.filter((line) => line.startsWith('ssl.client.auth'))).toEqual([]);
  });

  it('refuses a password it would have to escape', () => {
    expect(() => lines({ mechanism: 'plain', username: 'svc', password: 'a"b' })).toThrow('letters, digits');
  });
});
