import { ApiProperty } from '@nestjs/swagger';

/** The answer of a top-up or an adjustment: the team balance it left. */
export class TeamBalanceResponse {
  @ApiProperty({ description: 'The team balance in integer cents, rounded down.', example: 10000 }) balance!: number;
}
