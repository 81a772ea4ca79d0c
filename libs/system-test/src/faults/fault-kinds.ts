/**
 * The faults a run can inject, one replica or dependency at a time (docs/deployment.md, "Failures and
 * restarts"): a SIGKILL of ledger replica 0, of accounts replica 0 or of gateway 0 with requests in
 * flight, each started again after a while; a SIGKILL of the Kafka broker, started again on its port
 * and data; and every PostgreSQL connection of the services terminated (`pg_terminate_backend`).
 */
export const FAULT_KINDS = ['ledger', 'accounts', 'gateway', 'broker', 'postgres'] as const;

export type FaultKind = (typeof FAULT_KINDS)[number];

/** `ledger,broker` as a list of kinds, in the order given; an unknown name is refused, naming the known ones. */
export function parseFaultKinds(text: string): FaultKind[] {
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !(FAULT_KINDS as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0)
    throw new Error(`unknown fault kind(s) ${JSON.stringify(unknown)}: choose among ${FAULT_KINDS.join(', ')}`);
  return names as FaultKind[];
}
