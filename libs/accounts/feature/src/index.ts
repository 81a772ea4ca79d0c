export { AccountsModule, type AccountsModuleAsyncOptions } from './accounts.module';
export { ACCOUNTS_OPTIONS, type AccountsModuleOptions, type CarrierSimulatorOptions } from './accounts-options';
export { COMMANDS_GROUP, QUERIES_GROUP } from './bus/accounts-bus.controller';
export { MESSAGE_CARRIER, type CarrierMessage, type MessageCarrier } from './carrier/message-carrier.port';
export { DeliveryReports, type DeliveryReport } from './carrier/delivery-reports';
export { SimulatedCarrier, DELIVERY_FAILED } from './carrier/simulated-carrier';
export { DeletionScheduler, type DeletionSweepResult } from './deletion/deletion-scheduler';
export type {
  AccountsInternalCommand,
  AccountsInternalReplies,
  DeliveryStatus,
  DeliveryStep,
  DeliveryStepReply,
} from '@subledger/contracts';
export { accountsEnvSchema, accountsOptionsFromEnv, type AccountsEnv } from './config/accounts-env';
// What the operator CLI runs without the service, also its own entry (`@subledger/accounts-feature/operations`).
export * from './operations';
