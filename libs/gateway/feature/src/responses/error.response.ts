import { ApiProperty } from '@nestjs/swagger';

/** The SPEC §3 error body, for the OpenAPI document. */
export class ErrorBodyResponse {
  @ApiProperty({ example: 'sub_account_not_found' }) code!: string;
  @ApiProperty({ example: 'No sub-account with this id exists in your team.' }) message!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) details!: Record<string, unknown>;
}
