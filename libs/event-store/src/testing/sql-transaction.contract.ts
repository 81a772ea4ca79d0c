import { WrongExpectedVersionError } from '../wrong-expected-version.error';
import { type ContractFixture, type SqlContractSubject, sampleEvents, uniqueStreamId } from './contract-subject';

export function describeSqlTransactionContract(fixture: ContractFixture<SqlContractSubject>): void {
  describe('transactions (SQL)', () => {
    const table = () => `${fixture.subject.store.quotedSchema}.contract_balances`;

    beforeAll(async () => {
      await fixture.subject.store.sql.query(
        `CREATE TABLE IF NOT EXISTS ${table()} (team_id text PRIMARY KEY, balance_micros bigint NOT NULL)`,
      );
    });

    const balanceOf = async (teamId: string) => {
      const { rows } = await fixture.subject.store.sql.query<{ balance: string }>(
        `SELECT balance_micros::text AS balance FROM ${table()} WHERE team_id = $1`,
        [teamId],
      );
      return rows[0]?.balance;
    };

    it('commits the events and the rows of one transaction together', async () => {
      const { store } = fixture.subject;
      const streamId = uniqueStreamId('tx-commit');
      const outcome = await store.transaction(async (tx) => {
        await tx.query(`INSERT INTO ${table()} VALUES ($1, $2::bigint)`, [streamId, '9007199254740993']);
        const result = await tx.append(streamId, sampleEvents(2), { expectedVersion: 'no_stream' });
        expect(await tx.readStream(streamId)).toHaveLength(2);
        return result.nextExpectedVersion;
      });
      expect(outcome).toBe(1n);
      expect(await store.readStream(streamId)).toHaveLength(2);
      expect(await balanceOf(streamId)).toBe('9007199254740993');
    });

    it('rolls back the events and the rows together when the work throws', async () => {
      const { store } = fixture.subject;
      const streamId = uniqueStreamId('tx-rollback');
      const attempt = store.transaction(async (tx) => {
        await tx.appendMany([{ streamId, events: sampleEvents(1), expectedVersion: 'no_stream' }]);
        await tx.query(`INSERT INTO ${table()} VALUES ($1, 1)`, [streamId]);
        throw new Error('work failed after writing');
      });
      await expect(attempt).rejects.toThrow('work failed after writing');
      expect(await store.readStream(streamId)).toEqual([]);
      expect(await balanceOf(streamId)).toBeUndefined();
    });

    it('rolls back the rows written before an append that meets a wrong expected version', async () => {
      const { store } = fixture.subject;
      const streamId = uniqueStreamId('tx-conflict');
      await store.append(streamId, sampleEvents(1), { expectedVersion: 'no_stream' });
      const attempt = store.transaction(async (tx) => {
        await tx.query(`INSERT INTO ${table()} VALUES ($1, 5)`, [streamId]);
        await tx.append(streamId, sampleEvents(1), { expectedVersion: 'no_stream' });
      });
      await expect(attempt).rejects.toBeInstanceOf(WrongExpectedVersionError);
      expect(await store.readStream(streamId)).toHaveLength(1);
      expect(await balanceOf(streamId)).toBeUndefined();
    });

    it('reports a COMMIT that fails, and runs the transactions queued behind it clean', async () => {
      const { store } = fixture.subject;
      const deferred = `${fixture.subject.store.quotedSchema}.contract_deferred`;
      await store.sql.query(
        `CREATE TABLE IF NOT EXISTS ${deferred} (id text, UNIQUE (id) DEFERRABLE INITIALLY DEFERRED)`,
      );
      const [failing, next] = [uniqueStreamId('tx-commit-fails'), uniqueStreamId('tx-after')];
      const attempt = store.transaction(async (tx) => {
        await tx.append(failing, sampleEvents(1), { expectedVersion: 'no_stream' });
        await tx.query(`INSERT INTO ${deferred} VALUES ($1), ($1)`, [failing]);
      });
      const queued = store.transaction(async (tx) => {
        await tx.query(`INSERT INTO ${table()} VALUES ($1, 7)`, [next]);
        return tx.append(next, sampleEvents(1), { expectedVersion: 'no_stream' });
      });
      const read = store.sql.query(`SELECT count(*)::int AS n FROM ${deferred} WHERE id = $1`, [failing]);
      await expect(attempt).rejects.toMatchObject({ code: '23505' });
      await expect(queued).resolves.toMatchObject({ nextExpectedVersion: 0n });
      expect((await read).rows).toEqual([{ n: 0 }]);
      expect(await store.readStream(failing)).toEqual([]);
      expect(await store.readStream(next)).toHaveLength(1);
      expect(await balanceOf(next)).toBe('7');
    });

    describe('sent without waiting for answers (sentTransaction)', () => {
      it('commits the rows and the events sent together', async () => {
        const { store } = fixture.subject;
        const streamId = uniqueStreamId('sent-commit');
        const outcome = await store.sentTransaction((tx) => {
          const append = tx.prepareAppend([{ streamId, events: sampleEvents(2), expectedVersion: 'no_stream' }]);
          const row = tx.query(`INSERT INTO ${table()} VALUES ($1, 11)`, [streamId]);
          return Promise.all([row, append.send()]);
        });
        expect(outcome[1]).toMatchObject([{ nextExpectedVersion: 1n }]);
        expect(await store.readStream(streamId)).toHaveLength(2);
        expect(await balanceOf(streamId)).toBe('11');
      });

      it('rolls back the rows sent before an append whose expected version is wrong, and says which stream', async () => {
        const { store } = fixture.subject;
        const [written, conflicting] = [uniqueStreamId('sent-written'), uniqueStreamId('sent-conflict')];
        await store.append(conflicting, sampleEvents(1), { expectedVersion: 'no_stream' });
        const attempt = store.sentTransaction(async (tx) => {
          const append = tx.prepareAppend([
            { streamId: written, events: sampleEvents(1), expectedVersion: 'no_stream' },
            { streamId: conflicting, events: sampleEvents(1), expectedVersion: 3n },
          ]);
          const sent = [tx.query(`INSERT INTO ${table()} VALUES ($1, 5)`, [written]), append.send()];
          const [, appended] = await Promise.allSettled(sent);
          if (appended.status === 'rejected') throw appended.reason;
        });
        await expect(attempt).rejects.toMatchObject({
          name: 'WrongExpectedVersionError',
          streamId: conflicting,
          expected: 3n,
          actual: 0n,
        });
        expect(await store.readStream(written)).toEqual([]);
        expect(await store.readStream(conflicting)).toHaveLength(1);
        expect(await balanceOf(written)).toBeUndefined();
      });

      it('rolls back everything when one statement fails, and runs the next transaction clean', async () => {
        const { store } = fixture.subject;
        const [failing, next] = [uniqueStreamId('sent-fails'), uniqueStreamId('sent-next')];
        const attempt = store.sentTransaction(async (tx) => {
          const append = tx.prepareAppend([
            { streamId: failing, events: sampleEvents(1), expectedVersion: 'no_stream' },
          ]);
          const sent = [append.send(), tx.query(`INSERT INTO ${table()} VALUES ($1, 'not a number')`, [failing])];
          const failed = (await Promise.allSettled(sent)).find((result) => result.status === 'rejected');
          if (failed) throw failed.reason;
        });
        const queued = store.sentTransaction((tx) => tx.query(`INSERT INTO ${table()} VALUES ($1, 8)`, [next]));
        await expect(attempt).rejects.toMatchObject({ code: '22P02' });
        await queued;
        expect(await store.readStream(failing)).toEqual([]);
        expect(await balanceOf(next)).toBe('8');
      });

      it('checks the appends before anything is sent: one that cannot be built fails the transaction with nothing written', async () => {
        const { store } = fixture.subject;
        const streamId = uniqueStreamId('sent-unbuildable');
        const attempt = store.sentTransaction(async (tx) => {
          const append = tx.prepareAppend([{ streamId, events: [], expectedVersion: 'no_stream' }]);
          await Promise.all([tx.query(`INSERT INTO ${table()} VALUES ($1, 1)`, [streamId]), append.send()]);
        });
        await expect(attempt).rejects.toThrow(TypeError);
        expect(await balanceOf(streamId)).toBeUndefined();
      });
    });

    it('keeps the global order of appends made inside and outside transactions', async () => {
      const { store } = fixture.subject;
      const [inside, outside] = [uniqueStreamId('tx-in'), uniqueStreamId('tx-out')];
      const first = await store.transaction((tx) =>
        tx.append(inside, sampleEvents(1), { expectedVersion: 'no_stream' }),
      );
      const second = await store.append(outside, sampleEvents(1), { expectedVersion: 'no_stream' });
      expect(second.lastGlobalPosition).toBeGreaterThan(first.lastGlobalPosition);
    });
  });

  describe('migrate (SQL)', () => {
    it('is idempotent, also when run concurrently, and keeps what is stored', async () => {
      const { store, rival } = fixture.subject;
      const streamId = uniqueStreamId('migrate');
      await store.append(streamId, sampleEvents(2), { expectedVersion: 'no_stream' });
      await Promise.all([store.migrate(), rival.migrate(), store.migrate()]);
      expect(await store.readStream(streamId)).toHaveLength(2);
    });
  });
}
