/** A country or area prefix of an E.164 number: '+', a non-zero digit, at most 15 digits in all. */
export const E164_PREFIX = /^\+[1-9][0-9]{0,14}$/;

export const MAX_E164_PREFIX_LENGTH = 16;
