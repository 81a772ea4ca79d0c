import { readFileSync } from 'node:fs';
import Joi from 'joi';
import type { KafkaSaslMechanism, KafkaSaslSettings, KafkaTlsSettings } from '@subledger/messaging';

/** TLS and SASL settings of the Kafka client (docs/deployment.md, "Kafka security"), as Joi leaves them. */
export interface KafkaSecurityConfig {
  KAFKA_SSL?: boolean;
  KAFKA_SSL_CA_FILE?: string;
  KAFKA_SSL_CERT_FILE?: string;
  KAFKA_SSL_KEY_FILE?: string;
  KAFKA_SSL_REJECT_UNAUTHORIZED?: boolean;
  KAFKA_SASL_MECHANISM?: KafkaSaslMechanism;
  KAFKA_SASL_USERNAME?: string;
  KAFKA_SASL_PASSWORD?: string;
}

/** Each value on its own; which go together is checked by kafkaSecurity(). No message repeats a value. */
export const kafkaSecurityConfigSchema = {
  KAFKA_SSL: Joi.boolean().optional(),
  KAFKA_SSL_CA_FILE: Joi.string().optional(),
  KAFKA_SSL_CERT_FILE: Joi.string().optional(),
  KAFKA_SSL_KEY_FILE: Joi.string().optional(),
  KAFKA_SSL_REJECT_UNAUTHORIZED: Joi.boolean().optional(),
  KAFKA_SASL_MECHANISM: Joi.string().lowercase().valid('plain', 'scram-sha-256', 'scram-sha-512').optional(),
  KAFKA_SASL_USERNAME: Joi.string().optional(),
  KAFKA_SASL_PASSWORD: Joi.string().optional(),
};

export interface KafkaSecurity {
  tls?: KafkaTlsSettings;
  sasl?: KafkaSaslSettings;
}

type ReadFile = (path: string) => string;

/**
 * The connection's TLS and SASL settings from validated values, with the PEM files read now: a
 * combination that cannot work or a file that cannot be read stops the start, naming the variable.
 */
export function kafkaSecurity(
  config: KafkaSecurityConfig,
  readFile: ReadFile = (path) => readFileSync(path, 'utf8'),
): KafkaSecurity {
  const problems = [...tlsProblems(config), ...saslProblems(config)];
  if (problems.length > 0) throw new Error(`Kafka security settings: ${problems.join('; ')}`);
  const security: KafkaSecurity = {};
  if (config.KAFKA_SSL === true) {
    const pems: Partial<Record<'ca' | 'cert' | 'key', string>> = {};
    const unreadable: string[] = [];
    for (const [field, name] of [
      ['ca', 'KAFKA_SSL_CA_FILE'],
      ['cert', 'KAFKA_SSL_CERT_FILE'],
      ['key', 'KAFKA_SSL_KEY_FILE'],
    ] as const) {
      const file = config[name];
      if (file === undefined) continue;
      const read = readPem(name, file, readFile);
      if (typeof read === 'string') pems[field] = read;
      else unreadable.push(read.problem);
    }
    if (unreadable.length > 0) throw new Error(`Kafka security settings: ${unreadable.join('; ')}`);
    security.tls = { ...pems, rejectUnauthorized: config.KAFKA_SSL_REJECT_UNAUTHORIZED ?? true };
  }
  if (
    config.KAFKA_SASL_MECHANISM !== undefined &&
    config.KAFKA_SASL_USERNAME !== undefined &&
    config.KAFKA_SASL_PASSWORD !== undefined
  ) {
    security.sasl = {
      mechanism: config.KAFKA_SASL_MECHANISM,
      username: config.KAFKA_SASL_USERNAME,
      password: config.KAFKA_SASL_PASSWORD,
    };
  }
  return security;
}

/** A line for the start-up log: what the client uses, never a secret. */
export function describeKafkaSecurity(security: KafkaSecurity): string {
  const tls = security.tls
    ? `TLS${security.tls.ca ? ' (own CA)' : ''}${security.tls.cert ? ' with a client certificate' : ''}${security.tls.rejectUnauthorized ? '' : ', broker certificate NOT verified'}`
    : 'no TLS';
  const sasl = security.sasl ? `SASL ${security.sasl.mechanism.toUpperCase()} as ${security.sasl.username}` : 'no SASL';
  return `${tls}, ${sasl}`;
}

function tlsProblems(config: KafkaSecurityConfig): string[] {
  const problems: string[] = [];
  if (config.KAFKA_SSL !== true) {
    for (const name of [
      'KAFKA_SSL_CA_FILE',
      'KAFKA_SSL_CERT_FILE',
      'KAFKA_SSL_KEY_FILE',
      'KAFKA_SSL_REJECT_UNAUTHORIZED',
    ] as const) {
      if (config[name] !== undefined) problems.push(`${name} is set but KAFKA_SSL is not true`);
    }
    return problems;
  }
  if (config.KAFKA_SSL_CERT_FILE !== undefined && config.KAFKA_SSL_KEY_FILE === undefined)
    problems.push('KAFKA_SSL_CERT_FILE is set without KAFKA_SSL_KEY_FILE (a client certificate needs both)');
  if (config.KAFKA_SSL_KEY_FILE !== undefined && config.KAFKA_SSL_CERT_FILE === undefined)
    problems.push('KAFKA_SSL_KEY_FILE is set without KAFKA_SSL_CERT_FILE (a client certificate needs both)');
  return problems;
}

function saslProblems(config: KafkaSecurityConfig): string[] {
  const given = (['KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const).filter(
    (name) => config[name] !== undefined,
  );
  if (given.length === 0 || given.length === 3) return [];
  const missing = (['KAFKA_SASL_MECHANISM', 'KAFKA_SASL_USERNAME', 'KAFKA_SASL_PASSWORD'] as const).filter(
    (name) => config[name] === undefined,
  );
  return [
    `${given.join(' and ')} ${given.length === 1 ? 'is' : 'are'} set without ${missing.join(' and ')} (SASL needs all three)`,
  ];
}

function readPem(name: string, file: string, readFile: ReadFile): string | { problem: string } {
  let text: string;
  try {
    text = readFile(file);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
    return { problem: `${name} cannot be read (${file}: ${reason})` };
  }
  if (!text.includes('-----BEGIN ')) return { problem: `${name} (${file}) holds no PEM block` };
  return text;
}
