import { Module } from '@nestjs/common';
import { AdjustBalanceController } from './admin/adjust-balance/adjust-balance.controller';
import { CreateTeamController } from './admin/create-team/create-team.controller';
import { GetActivityController } from './admin/get-activity/get-activity.controller';
import { ServiceConsumerLags } from './admin/get-activity/service-consumer-lags';
import { GetTeamController } from './admin/get-team/get-team.controller';
import { GetUsageController } from './admin/get-usage/get-usage.controller';
import { ListLedgerEntriesController } from './admin/list-ledger-entries/list-ledger-entries.controller';
import { ListTeamsController } from './admin/list-teams/list-teams.controller';
import { TopUpController } from './admin/top-up/top-up.controller';
import { CreateApiKeyController } from './api-keys/create-api-key/create-api-key.controller';
import { ListApiKeysController } from './api-keys/list-api-keys/list-api-keys.controller';
import { RevokeApiKeyController } from './api-keys/revoke-api-key/revoke-api-key.controller';
import { GetBalanceController } from './balance/get-balance.controller';
import { AccountsClient } from './clients/accounts.client';
import { LedgerClient } from './clients/ledger.client';
import { GetMeController } from './me/get-me.controller';
import { GetMessageController } from './messages/get-message/get-message.controller';
import { ListMessagesController } from './messages/list-messages/list-messages.controller';
import { priceListProvider } from './messages/price-list.provider';
import { SendMessageController } from './messages/send-message/send-message.controller';
import { SendMessageHandler } from './messages/send-message/send-message.handler';
import { CreateSubAccountController } from './sub-accounts/create-sub-account/create-sub-account.controller';
import { DeactivateSubAccountController } from './sub-accounts/deactivate-sub-account/deactivate-sub-account.controller';
import { GetSubAccountController } from './sub-accounts/get-sub-account/get-sub-account.controller';
import { GetSubAccountBalanceController } from './sub-accounts/get-sub-account-balance/get-sub-account-balance.controller';
import { ListSubAccountsController } from './sub-accounts/list-sub-accounts/list-sub-accounts.controller';
import { SubAccountReader } from './sub-accounts/sub-account-reader';
import { RestoreSubAccountController } from './sub-accounts/sub-account-deletion/restore-sub-account.controller';
import { ScheduleDeletionController } from './sub-accounts/sub-account-deletion/schedule-deletion.controller';
import { UpdateSubAccountController } from './sub-accounts/update-sub-account/update-sub-account.controller';

/**
 * Every public route (docs/contract.md §4 to §7) with the clients of the accounts and ledger services. It
 * provides no guard, filter or pipe: those are the GatewayModule's, global to the application.
 * It needs GATEWAY_OPTIONS, IdentityCache and CLOCK (global in GatewayHttpModule) and MESSAGE_BUS
 * from its host.
 */
@Module({
  controllers: [
    CreateSubAccountController,
    ListSubAccountsController,
    GetSubAccountController,
    UpdateSubAccountController,
    DeactivateSubAccountController,
    GetSubAccountBalanceController,
    ScheduleDeletionController,
    RestoreSubAccountController,
    ListApiKeysController,
    CreateApiKeyController,
    RevokeApiKeyController,
    SendMessageController,
    GetMessageController,
    ListMessagesController,
    GetBalanceController,
    GetMeController,
    CreateTeamController,
    TopUpController,
    AdjustBalanceController,
    GetTeamController,
    ListLedgerEntriesController,
    GetUsageController,
    ListTeamsController,
    GetActivityController,
  ],
  providers: [
    AccountsClient,
    LedgerClient,
    SubAccountReader,
    SendMessageHandler,
    priceListProvider,
    ServiceConsumerLags,
  ],
})
export class GatewayRoutesModule {}
