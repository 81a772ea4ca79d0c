import { randomClusterId } from './broker-config';

describe('randomClusterId', () => {
  it('is 22 characters of base64url', () => {
    expect(randomClusterId()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it("never starts with '-', which the storage tool would take for an option", () => {
    // 0xf8 encodes to '-' as the first base64url character; the next draw does not.
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0x01)];
    const id = randomClusterId(() => draws.shift() as Buffer);
    expect(id.startsWith('-')).toBe(false);
    expect(id).toBe(Buffer.alloc(16, 0x01).toString('base64url'));
    expect(draws).toEqual([]);
  });
});
