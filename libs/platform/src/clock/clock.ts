/** Time as every service reads it: injected, so tests move it instead of sleeping. */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests set and advance by hand. */
export class ManualClock implements Clock {
  constructor(private current = Date.UTC(2026, 0, 1)) {}

  now(): number {
    return this.current;
  }

  set(at: number): void {
    this.current = at;
  }

  advance(ms: number): void {
    this.current += ms;
  }
}
