/** What every error response carries, at the root of the body (docs/contract.md §3). */
export interface ErrorBody {
  readonly code: string;
  readonly message: string;
  readonly details: Record<string, unknown>;
}

/** An error response ready to write: the status, the body, and whether it is our fault (logged). */
export interface ErrorResponse {
  readonly status: number;
  readonly body: ErrorBody;
  readonly unexpected: boolean;
}
