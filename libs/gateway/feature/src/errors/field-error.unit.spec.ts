import 'reflect-metadata';
import { plainToInstance, Type } from 'class-transformer';
import { IsInt, IsObject, IsOptional, IsString, Length, Max, Min, ValidateNested, validate } from 'class-validator';
import { ApiError } from '../shared/api-error';
import { flattenValidationErrors, invalidRequest, joinPath } from './field-error';
import { gatewayValidationOptions } from './gateway-validation';

class Plan {
  @IsString()
  plan!: string;
}

class Recipient {
  @IsString()
  @Length(1, 20)
  to!: string;
}

class CreateThing {
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
  @Type(() => Plan)
  metadata?: Plan;

  @IsOptional()
  @ValidateNested({ each: true })
  @Type(() => Recipient)
  recipients?: Recipient[];
}

async function errorsFor(body: unknown) {
  const { whitelist, forbidNonWhitelisted, forbidUnknownValues } = gatewayValidationOptions;
  const errors = await validate(plainToInstance(CreateThing, body) as object, {
    whitelist,
    forbidNonWhitelisted,
    forbidUnknownValues,
  });
  return flattenValidationErrors(errors);
}

describe('validation errors as { path, message }', () => {
  it('names every bad field, nested ones by their full path', async () => {
    const errors = await errorsFor({
      name: '',
      creditLimit: 1.5,
      metadata: { plan: 7 },
      recipients: [{ to: 'ok' }, { to: 3 }],
    });
    expect(errors.map((error) => error.path)).toEqual([
      'name',
      'creditLimit',
      'metadata.plan',
      'recipients[1].to',
      'recipients[1].to',
    ]);
    expect(errors[0].message).toMatch(/name must be longer than or equal to 1 characters/);
    expect(errors[2].message).toMatch(/plan must be a string/);
  });

  it('reports unknown fields at every level instead of dropping them', async () => {
    const errors = await errorsFor({ name: 'x', extra: 1, metadata: { plan: 'p', sneaky: true } });
    expect(errors).toEqual([
      { path: 'extra', message: 'property extra should not exist' },
      { path: 'metadata.sneaky', message: 'property sneaky should not exist' },
    ]);
  });

  it('reports a missing required field', async () => {
    expect(await errorsFor({})).toEqual([
      { path: 'name', message: 'name must be longer than or equal to 1 characters' },
      { path: 'name', message: 'name must be a string' },
    ]);
  });

  it('joins paths with dots for properties and brackets for array indexes', () => {
    expect(joinPath('', 'name')).toBe('name');
    expect(joinPath('metadata', 'plan')).toBe('metadata.plan');
    expect(joinPath('items', '0')).toBe('items[0]');
    expect(joinPath('items[0]', 'to')).toBe('items[0].to');
  });

  it('makes a 400 invalid_request ApiError holding the list, bounded to 100 entries', () => {
    const many = Array.from({ length: 150 }, (_, i) => ({ path: `f${i}`, message: 'bad' }));
    const error = invalidRequest(many);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.getStatus()).toBe(400);
    expect(error.code).toBe('invalid_request');
    expect((error.details.errors as unknown[]).length).toBe(100);
  });

  it('is what the global pipe throws', async () => {
    const thrown = gatewayValidationOptions.exceptionFactory?.(
      await validate(plainToInstance(CreateThing, { name: 5 })),
    );
    expect(thrown).toBeInstanceOf(ApiError);
    expect((thrown as ApiError).details).toEqual({
      errors: [
        { path: 'name', message: 'name must be longer than or equal to 1 and shorter than or equal to 200 characters' },
        { path: 'name', message: 'name must be a string' },
      ],
    });
  });
});
