import { startServiceProcess } from '@subledger/test-harness';
import type { Cleanup } from './cleanup';
import { stopProcess, type SystemUnderTest } from './system-under-test';

export async function startFloorSystem(cleanup: Cleanup): Promise<SystemUnderTest> {
  const floor = startServiceProcess('tools/bench/e2e/floor-server.ts', { PORT: '0' });
  const stop = cleanup.add('floor server', () => stopProcess(floor));
  const [, url] = await floor.waitFor(/listening on (http:\/\/\S+)/, 30_000);
  return {
    mode: 'floor',
    url,
    adminToken: null,
    pids: { floor: floor.child.pid ?? 0 },
    versions: {},
    logs: () => ({ floor: floor.output().replace(/^floor listening on .*\n/m, '') }),
    stop,
  };
}
