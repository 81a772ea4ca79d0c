import { Global, Module } from '@nestjs/common';
import { CLOCK, systemClock } from './clock';

/** The system clock, unless a test overrides the CLOCK provider. */
@Global()
@Module({ providers: [{ provide: CLOCK, useValue: systemClock }], exports: [CLOCK] })
export class ClockModule {}
