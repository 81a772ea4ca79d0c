import { ApiProperty } from '@nestjs/swagger';
import type { ApiKeyEnvironment, ApiKeyView } from '@subledger/contracts';

export class ApiKeyResponse {
  @ApiProperty({ example: 'key_8fQ2m1XcVbN3tR7yLp0sWd' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'The first 12 characters of the key.', example: 'sl_live_sub_' }) keyPrefix!: string;
  @ApiProperty({ enum: ['live', 'test'] }) environment!: ApiKeyEnvironment;
  @ApiProperty({ type: [String] }) permissions!: string[];
  @ApiProperty({ description: 'Epoch milliseconds.' }) createdAt!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Epoch milliseconds.' }) lastUsedAt!: number | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Epoch milliseconds.' }) revokedAt!: number | null;
}

export class ApiKeyList {
  @ApiProperty({ type: [ApiKeyResponse] }) items!: ApiKeyResponse[];
}

/** A key as created: the only answer that ever holds the full key. */
export class CreatedApiKeyResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ description: 'The full key, shown once.', example: 'sl_live_sub_3kT9…' }) key!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['live', 'test'] }) environment!: ApiKeyEnvironment;
}

export class CreatedApiKeyEnvelope {
  @ApiProperty({ type: CreatedApiKeyResponse }) apiKey!: CreatedApiKeyResponse;
}

export function toApiKey(view: ApiKeyView): ApiKeyResponse {
  return {
    id: view.id,
    name: view.name,
    keyPrefix: view.keyPrefix,
    environment: view.environment,
    permissions: [...view.permissions],
    createdAt: view.createdAt,
    lastUsedAt: view.lastUsedAt,
    revokedAt: view.revokedAt,
  };
}

export function toCreatedApiKey(view: ApiKeyView, key: string): CreatedApiKeyResponse {
  return { id: view.id, key, name: view.name, environment: view.environment };
}
