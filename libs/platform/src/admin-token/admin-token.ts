import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE_NAME = 'admin-token';

/**
 * The operator token of embedded mode: ADMIN_TOKEN when set, else the one persisted with the data,
 * else a new one (256 random bits) written next to the data with owner-only permissions.
 */
export type AdminTokenSource = 'environment' | 'data-directory' | 'generated';

export function loadOrCreateAdminToken(dataDir: string, fromEnv?: string): { token: string; source: AdminTokenSource } {
  if (fromEnv) return { token: fromEnv, source: 'environment' };
  const file = join(dataDir, FILE_NAME);
  if (existsSync(file)) return { token: readFileSync(file, 'utf8').trim(), source: 'data-directory' };
  mkdirSync(dataDir, { recursive: true });
  const token = `sl_admin_${randomBytes(32).toString('base64url')}`;
  writeFileSync(file, `${token}\n`, { mode: 0o600 });
  return { token, source: 'generated' };
}
