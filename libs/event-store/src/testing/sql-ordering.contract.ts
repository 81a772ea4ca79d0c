import { randomUUID } from 'node:crypto';
import { DuplicateEventIdError } from '../duplicate-event-id.error';
import type { AppendResult } from '../event-store.port';
import { type ContractFixture, type SqlContractSubject, sampleEvents, uniqueStreamId } from './contract-subject';

export function describeSqlOrderingContract(fixture: ContractFixture<SqlContractSubject>): void {
  describe('global order under concurrency (SQL)', () => {
    it('makes an append wait for an open transaction that appended, so positions follow commit order', async () => {
      const { store, rival } = fixture.subject;
      const [slow, fast] = [uniqueStreamId('gap-slow'), uniqueStreamId('gap-fast')];
      let release = (): void => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let signalAppended = (): void => undefined;
      const appended = new Promise<void>((resolve) => (signalAppended = resolve));

      const slowCommit = store.transaction(async (tx) => {
        const result = await tx.append(slow, sampleEvents(1), { expectedVersion: 'no_stream' });
        signalAppended();
        await gate;
        return result;
      });
      await appended;
      let fastResult: AppendResult | undefined;
      const fastCommit = rival.append(fast, sampleEvents(1), { expectedVersion: 'no_stream' }).then((result) => {
        fastResult = result;
        return result;
      });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(fastResult).toBeUndefined();

      release();
      const [first, second] = await Promise.all([slowCommit, fastCommit]);
      expect(second.lastGlobalPosition).toBeGreaterThan(first.lastGlobalPosition);
    });

    it('refuses an event id that is already stored and writes nothing of that append', async () => {
      const { store } = fixture.subject;
      const id = randomUUID();
      const [first, second] = [uniqueStreamId('dup-a'), uniqueStreamId('dup-b')];
      await store.append(first, [{ id, type: 'Once', data: {} }], { expectedVersion: 'no_stream' });
      const attempt = store.append(second, [...sampleEvents(1), { id, type: 'Again', data: {} }], {
        expectedVersion: 'no_stream',
      });
      await expect(attempt).rejects.toEqual(new DuplicateEventIdError(id));
      await expect(attempt).rejects.toMatchObject({ eventId: id });
      expect(await store.readStream(second)).toEqual([]);
    });
  });
}
