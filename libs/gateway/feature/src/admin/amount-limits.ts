/**
 * The largest top-up or adjustment in one request, in cents (USD 10 billion): far below what a
 * balance can hold, so that no single request can bring it near overflow.
 */
export const MAX_AMOUNT_CENTS = 1_000_000_000_000;
