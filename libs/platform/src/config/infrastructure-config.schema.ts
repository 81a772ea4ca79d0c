import Joi from 'joi';

/** `host:port[,host:port...]`, the form kafkajs takes. */
export const kafkaBrokersSchema = Joi.string()
  .pattern(/^[^,\s:]+:\d{1,5}(,[^,\s:]+:\d{1,5})*$/)
  .messages({ 'string.pattern.base': '"KAFKA_BROKERS" must be a comma-separated list of host:port' });

export const postgresUrlSchema = Joi.string().uri({ scheme: ['postgres', 'postgresql'] });

export const adminTokenSchema = Joi.string()
  .min(32)
  .messages({ 'string.min': '"ADMIN_TOKEN" must be at least 32 characters' });

export function parseBrokers(value: string): string[] {
  return value.split(',').map((broker) => broker.trim());
}
