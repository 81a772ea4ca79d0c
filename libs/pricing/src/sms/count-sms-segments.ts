import { gsm7Septets } from './gsm7-alphabet';
import { segmentCapacity, type SmsEncoding } from './sms-encoding';

export interface SmsSegmentCount {
  readonly encoding: SmsEncoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) the text takes, before any split. */
  readonly units: number;
  /** Segments the carrier bills. */
  readonly segments: number;
}

/**
 * Counts the segments of an SMS text. An empty text is one segment: a carrier still sends and
 * bills one (empty) message.
 *
 * A split message never cuts a character in two: an escape pair (GSM-7 extension character) or a
 * surrogate pair (UCS-2, e.g. an emoji) that would straddle a boundary moves whole to the next
 * segment, as handsets and carriers do. That can cost one segment more than units / per-part.
 */
export function countSmsSegments(text: string): SmsSegmentCount {
  const gsm7 = gsm7Costs(text);
  return gsm7 === undefined ? measure('ucs2', ucs2Costs(text)) : measure('gsm7', gsm7);
}

function gsm7Costs(text: string): number[] | undefined {
  const costs: number[] = [];
  for (const character of text) {
    const septets = gsm7Septets(character);
    if (septets === undefined) {
      return undefined;
    }
    costs.push(septets);
  }
  return costs;
}

// Iterating by code point keeps a surrogate pair together as one two-unit character.
function ucs2Costs(text: string): number[] {
  return Array.from(text, (character) => character.length);
}

function measure(encoding: SmsEncoding, costs: readonly number[]): SmsSegmentCount {
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  const capacity = segmentCapacity(encoding);
  const segments = units <= capacity.single ? 1 : packSegments(costs, capacity.perPart);
  return { encoding, units, segments };
}

function packSegments(costs: readonly number[], perPart: number): number {
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > perPart) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return segments;
}
