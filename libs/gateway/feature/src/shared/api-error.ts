import { HttpException } from '@nestjs/common';

/**
 * An error answered to the client in the docs/contract.md §3 shape: `{ code, message, details }` at the root.
 * Every refusal and every rejected request becomes one of these; the exception filter writes it.
 * It is an answer, not a fault: it is never logged, so it captures no stack trace, which cost a
 * refused request about a tenth of its CPU time.
 */
export class ApiError extends HttpException {
  constructor(
    httpStatus: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super({ code, message, details }, httpStatus);
    Error.stackTraceLimit = stackTraceLimit;
  }
}
