import type { INestApplication } from '@nestjs/common';
import { SimulatedCarrier } from '@subledger/accounts-feature';
import { type AccountsCommandRequest, Topics } from '@subledger/contracts';
import { ActivityProjector, UsageProjector } from '@subledger/ledger-feature';
import { KeyUsageRecorder } from '@subledger/gateway-feature';
import type { MessageBus } from '@subledger/messaging';

/**
 * Waits for the writes the app makes on its own: deliveries under way, the key usage the
 * gateway holds in memory (sent now, and applied by the accounts service for these teams), and
 * the usage and activity projections following the ledger's events, so
 * that none lands in the middle of a before-and-after comparison of the database.
 */
export async function settleBackgroundWrites(
  app: INestApplication,
  bus: MessageBus,
  teamIds: readonly string[],
): Promise<void> {
  await app.get(SimulatedCarrier).settled();
  await app.get(KeyUsageRecorder).flush();
  // A team's commands are handled in order on its partition: an empty report behind the flushed
  // one answers once the flushed one is applied.
  for (const teamId of teamIds) {
    const barrier: AccountsCommandRequest = { type: 'RecordKeyUsage', teamId, usages: [] };
    await bus.request(Topics.accountsCommands, teamId, barrier, { timeoutMs: 5000 });
  }
  await app.get(UsageProjector).catchUp();
  await app.get(ActivityProjector).catchUp();
}
