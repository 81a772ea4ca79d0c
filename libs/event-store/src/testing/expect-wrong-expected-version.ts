import type { ExpectedVersion, StreamVersion } from '../event-store.port';
import { WrongExpectedVersionError } from '../wrong-expected-version.error';

export async function expectWrongExpectedVersion(
  attempt: Promise<unknown>,
  conflict: { streamId: string; expected: ExpectedVersion; actual: StreamVersion },
): Promise<void> {
  const error = await attempt.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(WrongExpectedVersionError);
  expect(error).toMatchObject(conflict);
}
