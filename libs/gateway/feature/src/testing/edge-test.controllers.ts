import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import type { KeyIdentity } from '@subledger/contracts';
import { Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { IdempotencyKey, IdempotencyKeyBodyField } from '../idempotency/idempotency-key.decorator';
import { ApiError } from '../shared/api-error';
import { RequireAuth } from '../shared/auth-requirement.decorator';
import { CurrentIdentity } from '../shared/current-identity.decorator';

export class ThingPlan {
  @IsString()
  plan!: string;
}

export class CreateThingRequest {
  @IsString()
  @Length(1, 200)
  name!: string;

  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000_000_000)
  creditLimit?: number;

  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ThingPlan)
  metadata?: ThingPlan;
}

export class SendThingRequest {
  @IsString()
  to!: string;

  @IsOptional()
  @IsString()
  @Length(1, 255)
  idempotencyKey?: string;
}

/** A handler the test lets finish when it wants: for requests caught in flight. */
export class Gate {
  entered = 0;
  private opened: Promise<void> = Promise.resolve();
  private open: () => void = () => undefined;

  close(): void {
    this.opened = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open();
  }

  async pass(): Promise<void> {
    this.entered++;
    await this.opened;
  }
}

/** Routes exercising the edge mechanics; every handler counts its runs in `calls`. */
@Controller('test')
export class EdgeTestController {
  static calls = 0;
  static readonly gate = new Gate();

  @Get('public')
  publicRoute() {
    return { public: true };
  }

  @Post('things')
  @RequireAuth('api-key')
  create(
    @Body() body: CreateThingRequest,
    @CurrentIdentity() identity: KeyIdentity,
    @IdempotencyKey() key: string | undefined,
  ) {
    EdgeTestController.calls++;
    return {
      received: body,
      isDto: body instanceof CreateThingRequest,
      accountId: identity.accountId,
      idempotencyKey: key ?? null,
      run: EdgeTestController.calls,
    };
  }

  @Post('sends')
  @RequireAuth('api-key')
  @IdempotencyKeyBodyField('idempotencyKey')
  @HttpCode(202)
  send(@Body() body: SendThingRequest, @IdempotencyKey() key: string | undefined) {
    EdgeTestController.calls++;
    return { to: body.to, idempotencyKey: key ?? null, run: EdgeTestController.calls };
  }

  @Post('slow')
  @RequireAuth('api-key')
  async slow() {
    EdgeTestController.calls++;
    const run = EdgeTestController.calls;
    await EdgeTestController.gate.pass();
    return { run };
  }

  @Post('located')
  @RequireAuth('api-key')
  located(@Res({ passthrough: true }) reply: FastifyReply) {
    EdgeTestController.calls++;
    reply.header('Location', `/test/things/${EdgeTestController.calls}`);
    return { run: EdgeTestController.calls };
  }

  @Post('empty')
  @RequireAuth('api-key')
  @HttpCode(204)
  empty() {
    EdgeTestController.calls++;
  }

  @Post('refused')
  @RequireAuth('api-key')
  refused() {
    EdgeTestController.calls++;
    throw new ApiError(402, 'insufficient_balance', 'Not enough money.', { run: EdgeTestController.calls });
  }

  @Post('broken')
  @RequireAuth('api-key')
  broken() {
    EdgeTestController.calls++;
    throw new Error(`relation "secret_table" does not exist (run ${EdgeTestController.calls})`);
  }

  @Get('boom')
  boom() {
    throw new TypeError("Cannot read properties of undefined (reading 'password')");
  }

  @Get('main-only')
  @RequireAuth('main-account')
  mainOnly(@CurrentIdentity() identity: KeyIdentity) {
    return { accountId: identity.accountId };
  }

  @Get('items/:id')
  @RequireAuth('api-key')
  item(@Param('id') id: string) {
    return { id };
  }
}

@Controller('test-admin')
@RequireAuth('admin')
export class EdgeAdminTestController {
  @Get('whoami')
  whoami() {
    return { admin: true };
  }

  @Post('top-ups')
  topUp(@IdempotencyKey() key: string | undefined) {
    EdgeTestController.calls++;
    return { idempotencyKey: key ?? null, run: EdgeTestController.calls };
  }
}
