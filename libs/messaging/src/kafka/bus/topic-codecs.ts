/** The wire format this bus writes, carried in the schema-version header: the topics' own codecs. */
export const WIRE_SCHEMA_VERSION = '2';

/** Why a payload did not decode: `field` is the path to blame, when one is. */
export interface PayloadDecodeFailure {
  readonly message: string;
  readonly field?: string;
}

export type PayloadDecoded =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: PayloadDecodeFailure };

/** Writes a value of one payload type as text and reads it back, checking it on the way in. */
export interface PayloadCodec {
  encode(value: unknown): string;
  decode(raw: string): PayloadDecoded;
}

/**
 * How the values of each topic travel, given by whoever knows the topics' contracts (the
 * platform's MessageBusModule), so that this library stays schema-less. Topics are named without
 * the bus' namespace.
 */
export interface TopicCodecs {
  /** What is published or asked on `topic`. */
  request(topic: string): PayloadCodec;
  /** The reply to `request` on `topic`: a reply's shape may depend on what was asked. */
  reply(topic: string, request: unknown): PayloadCodec;
  /**
   * The reply, as text, to a request on `topic` that did not decode, so that its requester hears
   * the refusal its handler would have given rather than waiting for its deadline; undefined
   * answers nothing (the record is dead-lettered either way).
   */
  refusal(topic: string, error: PayloadDecodeFailure): string | undefined;
}

/** JSON with bigints written as decimal strings and read back as the strings they are; no check. */
export const plainJson: PayloadCodec = {
  encode: (value) =>
    JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item)),
  decode: (raw) => {
    try {
      return { ok: true, value: JSON.parse(raw) as unknown };
    } catch (error) {
      return { ok: false, error: { message: error instanceof Error ? error.message : String(error) } };
    }
  },
};

/** Every topic as plain JSON: for topics whose readers take JSON as it comes (`ledger.events`, tests). */
export const plainJsonTopics: TopicCodecs = {
  request: () => plainJson,
  reply: () => plainJson,
  refusal: () => undefined,
};
