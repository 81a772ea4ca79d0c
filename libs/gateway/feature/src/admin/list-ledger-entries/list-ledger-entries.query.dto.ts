import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '../../responses/page-query.dto';

export class ListLedgerEntriesQuery extends PageQuery {
  @ApiPropertyOptional({ description: "Only this account's entries." })
  @IsOptional()
  @IsString()
  @Length(1, 255)
  accountId?: string;
}
