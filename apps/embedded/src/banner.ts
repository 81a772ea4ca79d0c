/** What a newcomer needs right after `npm start`: where it listens, the operator token, and a first command. */
export function startBanner(url: string, adminToken: string, generated: boolean, dataDir: string): string {
  const tokenNote = generated ? `generated and saved in ${dataDir}/admin-token` : 'from ADMIN_TOKEN or the data directory';
  return [
    '',
    `Subledger (embedded mode) is listening on ${url}  (data: ${dataDir})`,
    `Admin token (${tokenNote}): ${adminToken}`,
    'Create a team:',
    `  curl -s -X POST ${url}/admin/v1/teams -H "Authorization: Bearer ${adminToken}" -H "Content-Type: application/json" -d '{"name":"Acme"}'`,
    '',
  ].join('\n');
}
