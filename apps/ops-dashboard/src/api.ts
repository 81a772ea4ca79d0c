import type { Activity, LedgerEntry, Page, TeamDetails, TeamSummary, Usage } from './types.js';

/** An answer other than 2xx, with the error code of the operator API when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The operator API of the gateway serving this page, called with the operator token. */
export class OpsApi {
  constructor(private readonly token: string) {}

  teams(search: string, cursor: string | null, limit = 20): Promise<Page<TeamSummary>> {
    return this.get('/admin/v1/teams', {
      search: search || undefined,
      cursor: cursor ?? undefined,
      limit: String(limit),
    });
  }

  team(teamId: string): Promise<TeamDetails> {
    return this.get(`/admin/v1/teams/${encodeURIComponent(teamId)}`);
  }

  recentEntries(teamId: string, limit = 20): Promise<Page<LedgerEntry>> {
    return this.get(`/admin/v1/teams/${encodeURIComponent(teamId)}/ledger`, { order: 'desc', limit: String(limit) });
  }

  usage(teamId: string): Promise<Usage> {
    return this.get(`/admin/v1/teams/${encodeURIComponent(teamId)}/usage`, { granularity: 'hour' });
  }

  activity(minutes = 60): Promise<Activity> {
    return this.get('/admin/v1/activity', { minutes: String(minutes) });
  }

  private async get<T>(path: string, query: Record<string, string | undefined> = {}): Promise<T> {
    const params = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) params.set(name, value);
    const url = params.size > 0 ? `${path}?${params.toString()}` : path;
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${this.token}`, accept: 'application/json' },
    });
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = (body ?? {}) as { code?: unknown; message?: unknown };
      throw new ApiError(
        response.status,
        typeof error.code === 'string' ? error.code : 'http_error',
        typeof error.message === 'string' ? error.message : `HTTP ${response.status}`,
      );
    }
    return body as T;
  }
}
