export type { AccountsDecision, AccountsOutcome } from './decision';

export * from './values/validated';
export * from './values/account-name.value-object';
export * from './values/external-id.value-object';
export * from './values/account-metadata.value-object';
export * from './values/credit-limit.value-object';
export * from './values/api-key-fields.value-object';
export * from './values/team-currency.value-object';
export * from './values/deletion-retention.value-object';

export * from './account/account.state';
export { decideAccount } from './account/account.decide';
export { evolveAccount, replayAccount } from './account/account.evolve';
export { accountDecider } from './account/account.decider';
export { EARLY_REMINDER_DAYS, reminderSchedule, dueReminders, dueReminderCommands } from './account/deletion-reminders';
export { isPurgeDue } from './account/purge-account';

export * from './team-directory/team-directory.state';
export { decideTeamDirectory } from './team-directory/team-directory.decide';
export { evolveTeamDirectory, replayTeamDirectory } from './team-directory/team-directory.evolve';
export { teamDirectoryDecider } from './team-directory/team-directory.decider';

export * from './team-projects/project-decision';
export { decideForTeam } from './team-projects/decide-for-team';
export { createTeamWithMainAccount } from './team-projects/create-team-with-main-account';
export { teamCommandsFor } from './team-projects/team-commands-for';
