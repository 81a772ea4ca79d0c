import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// A checker for the small part of JSON Schema (2020-12) the event schemas in docs/events/schemas
// use. A keyword it does not know is an error, so a schema can never pass for want of a check.

type Schema = Record<string, unknown>;

const ANNOTATIONS = new Set(['$schema', '$id', '$defs', 'title', 'description']);
const CHECKED = new Set([
  '$ref',
  'type',
  'const',
  'enum',
  'pattern',
  'minLength',
  'minimum',
  'required',
  'properties',
  'additionalProperties',
]);

export const EVENT_SCHEMAS_DIR = join(__dirname, '../../../../../../docs/events/schemas');

/** Every `<Type>.schema.json` of docs/events/schemas, by event type. */
export function ledgerEventSchemas(dir = EVENT_SCHEMAS_DIR): Map<string, Schema> {
  const schemas = new Map<string, Schema>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.schema.json'))) {
    schemas.set(file.slice(0, -'.schema.json'.length), JSON.parse(readFileSync(join(dir, file), 'utf8')) as Schema);
  }
  return schemas;
}

/** What is wrong with `value` under `schema`, one line per problem, each with its JSON path; empty when it conforms. */
export function schemaProblems(schema: Schema, value: unknown): string[] {
  const problems: string[] = [];
  check(schema, schema, value, '$', problems);
  return problems;
}

function check(root: Schema, schema: Schema, value: unknown, path: string, problems: string[]): void {
  for (const keyword of Object.keys(schema)) {
    if (!ANNOTATIONS.has(keyword) && !CHECKED.has(keyword))
      throw new Error(`Unsupported JSON Schema keyword ${keyword} at ${path}`);
  }
  if (typeof schema['$ref'] === 'string') check(root, resolve(root, schema['$ref']), value, path, problems);
  const fail = (message: string): void => {
    problems.push(`${path} ${message}`);
  };
  if (schema['type'] !== undefined) {
    const types = Array.isArray(schema['type']) ? (schema['type'] as string[]) : [schema['type'] as string];
    if (!types.some((type) => hasType(value, type))) {
      fail(`must be of type ${types.join(' or ')}, got ${JSON.stringify(value)}`);
      return;
    }
  }
  if ('const' in schema && value !== schema['const'])
    fail(`must be ${JSON.stringify(schema['const'])}, got ${JSON.stringify(value)}`);
  if (Array.isArray(schema['enum']) && !schema['enum'].includes(value))
    fail(`must be one of ${JSON.stringify(schema['enum'])}, got ${JSON.stringify(value)}`);
  if (typeof value === 'string') checkString(schema, value, fail);
  if (typeof schema['minimum'] === 'number' && typeof value === 'number' && value < schema['minimum'])
    fail(`must be at least ${schema['minimum']}`);
  if (typeof value === 'object' && value !== null && !Array.isArray(value))
    checkObject(root, schema, value as Record<string, unknown>, path, problems);
}

function checkString(schema: Schema, value: string, fail: (message: string) => void): void {
  if (typeof schema['pattern'] === 'string' && !new RegExp(schema['pattern'], 'u').test(value))
    fail(`must match ${schema['pattern']}, got ${JSON.stringify(value)}`);
  if (typeof schema['minLength'] === 'number' && [...value].length < schema['minLength'])
    fail(`must have at least ${schema['minLength']} characters`);
}

function checkObject(
  root: Schema,
  schema: Schema,
  value: Record<string, unknown>,
  path: string,
  problems: string[],
): void {
  const properties = (schema['properties'] ?? {}) as Record<string, Schema>;
  for (const name of (schema['required'] ?? []) as string[])
    if (!Object.hasOwn(value, name)) problems.push(`${path} must have ${name}`);
  for (const [name, field] of Object.entries(value)) {
    if (Object.hasOwn(properties, name)) check(root, properties[name], field, `${path}.${name}`, problems);
    else if (schema['additionalProperties'] === false) problems.push(`${path} must not have ${name}`);
  }
}

function resolve(root: Schema, ref: string): Schema {
  const match = /^#\/\$defs\/([A-Za-z0-9_]+)$/.exec(ref);
  const target = match === null ? undefined : (root['$defs'] as Record<string, Schema> | undefined)?.[match[1]];
  if (target === undefined)
    throw new Error(`Unresolvable $ref ${ref}: only #/$defs/<name> of the same schema is supported`);
  return target;
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'null':
      return value === null;
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value);
    case 'array':
      return Array.isArray(value);
    default:
      throw new Error(`Unsupported JSON Schema type ${type}`);
  }
}

/** The problems of one consumed message: its value under the schema its `event-type` header names. */
export function ledgerEventMessageProblems(
  schemas: ReadonlyMap<string, Schema>,
  headers: Record<string, string>,
  value: unknown,
): string[] {
  const type = headers['event-type'];
  const schema = type === undefined ? undefined : schemas.get(type);
  if (schema === undefined) return [`no schema for event-type ${JSON.stringify(type)}`];
  const problems = schemaProblems(schema, value);
  const data = (value as { data?: { schemaVersion?: unknown } } | null)?.data;
  if (headers['event-schema-version'] !== String(data?.schemaVersion))
    problems.push(`event-schema-version header ${headers['event-schema-version']} is not data.schemaVersion`);
  return problems;
}
