import { err, type Err } from '@subledger/kernel';

/** Why untrusted input was refused: a reason code to branch on, and a message for people. */
export interface ParseRefusal<Reason extends string> {
  readonly reason: Reason;
  readonly message: string;
}

export function refused<Reason extends string>(reason: Reason, message: string): Err<ParseRefusal<Reason>> {
  return err({ reason, message });
}
