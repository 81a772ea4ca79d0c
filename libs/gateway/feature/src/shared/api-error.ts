import { HttpException } from '@nestjs/common';

/**
 * An error answered to the client in the SPEC §3 shape: `{ code, message, details }` at the root.
 * Every refusal and every rejected request becomes one of these; the exception filter writes it.
 */
export class ApiError extends HttpException {
  constructor(
    httpStatus: number,
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super({ code, message, details }, httpStatus);
  }
}
