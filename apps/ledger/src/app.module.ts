import { Module } from '@nestjs/common';
import { postgresServiceModules } from '@subledger/platform';
import { ledgerConfigSchema } from './config/ledger.config';

@Module({ imports: [...postgresServiceModules('ledger', ledgerConfigSchema)] })
export class LedgerAppModule {}
