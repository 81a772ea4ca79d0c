import type { AdminTokenSource } from '@subledger/platform';

/**
 * What a newcomer needs right after `npm start`: where it listens, the operator token, and a first
 * command. A token the operator chose (ADMIN_TOKEN) is theirs already and is not printed.
 */
export function startBanner(url: string, adminToken: string, source: AdminTokenSource, dataDir: string): string {
  const shown = source === 'environment' ? '$ADMIN_TOKEN' : adminToken;
  const tokenLine =
    source === 'environment'
      ? 'Admin token: the one in ADMIN_TOKEN'
      : `Admin token (${source === 'generated' ? `generated and saved in ${dataDir}/admin-token` : `from ${dataDir}/admin-token`}): ${adminToken}`;
  return [
    '',
    `Subledger (embedded mode) is listening on ${url}  (data: ${dataDir})`,
    tokenLine,
    `Ops dashboard: ${url}/ops  (sign in with the admin token)`,
    'Create a team:',
    `  curl -s -X POST ${url}/admin/v1/teams -H "Authorization: Bearer ${shown}" -H "Content-Type: application/json" -d '{"name":"Acme"}'`,
    '',
  ].join('\n');
}
