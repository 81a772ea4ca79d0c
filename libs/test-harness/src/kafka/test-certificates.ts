import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** PEM files of a throwaway CA, a broker certificate for 127.0.0.1 and a client certificate, all signed by it. */
export interface TestCertificates {
  dir: string;
  caFile: string;
  clientCertFile: string;
  clientKeyFile: string;
  ca: string;
  /** The broker's PKCS#8 key followed by its certificate: Kafka's PEM key store. */
  brokerKeyAndCertificate: string;
  remove(): void;
}

/** Made with the `openssl` command line (OpenSSL 1.1.1 or later), in a fresh temporary directory. */
export function createTestCertificates(): TestCertificates {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'subledger-certs-'));
  const file = (name: string): string => path.join(dir, name);
  const openssl = (...args: string[]): void => {
    try {
      execFileSync('openssl', args, { stdio: 'pipe', timeout: 30_000 });
    } catch (error) {
      throw new Error(
        `openssl ${args[0]} failed (the TLS tests need the openssl command line): ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  };
  openssl(
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-keyout',
    file('ca.key'),
    '-out',
    file('ca.pem'),
    '-days',
    '2',
    '-subj',
    '/CN=subledger-test-ca',
  );
  for (const [name, subject, extension] of [
    ['broker', '/CN=127.0.0.1', 'subjectAltName=IP:127.0.0.1,DNS:localhost'],
    ['client', '/CN=subledger-client', 'extendedKeyUsage=clientAuth'],
  ] as const) {
    openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      file(`${name}.key`),
      '-out',
      file(`${name}.csr`),
      '-subj',
      subject,
    );
    openssl(
      'x509',
      '-req',
      '-in',
      file(`${name}.csr`),
      '-CA',
      file('ca.pem'),
      '-CAkey',
      file('ca.key'),
      '-CAcreateserial',
      '-out',
      file(`${name}.pem`),
      '-days',
      '2',
      '-extfile',
      writeExtension(dir, name, extension),
    );
  }
  return {
    dir,
    caFile: file('ca.pem'),
    clientCertFile: file('client.pem'),
    clientKeyFile: file('client.key'),
    ca: readFileSync(file('ca.pem'), 'utf8'),
    brokerKeyAndCertificate: readFileSync(file('broker.key'), 'utf8') + readFileSync(file('broker.pem'), 'utf8'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function writeExtension(dir: string, name: string, extension: string): string {
  const extFile = path.join(dir, `${name}.ext`);
  writeFileSync(extFile, `${extension}\n`);
  return extFile;
}
