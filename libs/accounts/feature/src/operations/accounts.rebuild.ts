import { evolveTeamDirectory, initialTeamDirectoryState } from '@subledger/accounts-domain';
import type { RebuildableProjection } from '@subledger/platform/standalone';
import { TeamRows } from '../read-model/team-rows';
import { teamDirectoryEvents } from '../team-state/account-streams';

const TEAM_DIRECTORY = 'team-accounts-';

/**
 * `accounts_teams`, from each team directory's `TeamCreated` through the directory's own `evolve`
 * and the read model's own row writer. A team's row never changes after its creation, so the fold
 * holds nothing. The other tables of the read model are not rebuilt (docs/deployment.md, "Operator
 * CLI"): projects and keys carry their creation order (`seq`, which list cursors hold) and key
 * usage that no event records, and messages are not events at all.
 */
export const teamsProjection: RebuildableProjection = {
  name: 'teams',
  tables: [{ name: 'accounts_teams', key: ['id'], compared: ['name', 'currency', 'main_account_id', 'created_at'] }],
  start: (schemas) => {
    const rows = new TeamRows(schemas.stage);
    return {
      fold: async (page, db) => {
        for (const recorded of page) {
          if (!recorded.streamId.startsWith(TEAM_DIRECTORY) || recorded.type !== 'TeamCreated') continue;
          const team = evolveTeamDirectory(initialTeamDirectoryState(), teamDirectoryEvents.decode(recorded));
          if (team.status === 'created') await rows.write(db, team);
        }
      },
      flush: async () => undefined,
    };
  },
};

/** What `rebuild-projections --service accounts` folds again. */
export const accountsRebuilds: readonly RebuildableProjection[] = [teamsProjection];
