export type SmsEncoding = 'gsm7' | 'ucs2';

export interface SegmentCapacity {
  /** Units that fit in a message sent as a single segment. */
  readonly single: number;
  /** Units per segment once the message is split: the user data header takes the rest. */
  readonly perPart: number;
}

export function segmentCapacity(encoding: SmsEncoding): SegmentCapacity {
  switch (encoding) {
    case 'gsm7':
      return { single: 160, perPart: 153 };
    case 'ucs2':
      return { single: 70, perPart: 67 };
    default: {
      const unknown: never = encoding;
      throw new TypeError(`unknown SMS encoding ${String(unknown)}`);
    }
  }
}
