import { partitionLag } from './consumer-lag';

describe('partitionLag', () => {
  it('is the distance from the committed offset to the high-water mark', () => {
    expect(partitionLag('7', '0', '10')).toBe(3);
  });

  it('is zero when the group has read everything', () => {
    expect(partitionLag('10', '0', '10')).toBe(0);
  });

  it('counts every retained message when the group has no committed offset', () => {
    expect(partitionLag('-1', '0', '10')).toBe(10);
    expect(partitionLag('-1', '4', '10')).toBe(6);
  });

  it('counts from the low-water mark when retention deleted messages the group had not read', () => {
    expect(partitionLag('2', '5', '10')).toBe(5);
  });

  it('is never negative, even when a commit is ahead of the end the broker reported a moment earlier', () => {
    expect(partitionLag('12', '0', '10')).toBe(0);
  });

  it('keeps exact integers past 2^53 on the way, since offsets are 64-bit', () => {
    expect(partitionLag('9007199254740993', '0', '9007199254741000')).toBe(7);
  });

  it('is zero for an empty partition', () => {
    expect(partitionLag('-1', '0', '0')).toBe(0);
  });
});
