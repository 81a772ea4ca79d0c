import './tracing';
import 'reflect-metadata';
import { runMain } from '@subledger/platform';
import { LedgerAppModule } from './app.module';
import { ledgerConfigSchema } from './config/ledger.config';

runMain('ledger', LedgerAppModule, ledgerConfigSchema);
