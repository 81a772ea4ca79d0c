import { ApiPropertyOptional } from '@nestjs/swagger';
import { MAX_TEAM_SEARCH_LENGTH } from '@subledger/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';

export const DEFAULT_TEAMS_PAGE = 20;
export const MAX_TEAMS_PAGE = 100;

/** `?search&cursor&limit` of the operators' team list. */
export class ListTeamsQuery {
  @ApiPropertyOptional({
    minLength: 1,
    maxLength: MAX_TEAM_SEARCH_LENGTH,
    description: 'A case-insensitive part of the name, or the start of the team id.',
  })
  @IsOptional()
  @IsString()
  @Length(1, MAX_TEAM_SEARCH_LENGTH)
  search?: string;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(1024)
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_TEAMS_PAGE, default: DEFAULT_TEAMS_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_TEAMS_PAGE)
  limit?: number;
}
