import './tracing';
import 'reflect-metadata';
import { runMain } from '@subledger/platform';
import { AccountsAppModule } from './app.module';
import { accountsConfigSchema } from './config/accounts.config';

runMain('accounts', AccountsAppModule, accountsConfigSchema);
