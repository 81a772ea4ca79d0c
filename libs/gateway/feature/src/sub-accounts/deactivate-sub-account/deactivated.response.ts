import { ApiProperty } from '@nestjs/swagger';

export class DeactivatedResponse {
  @ApiProperty({ example: 'Sub-account deactivated' }) message!: string;
  @ApiProperty({ description: 'How many active keys were revoked.', example: 2 }) keysRevoked!: number;
}
