import type { OpsApi } from './api.js';

/** What the router shows: it renders into `root` and is asked to refresh every poll. */
export interface View {
  /** Reads what the view shows and redraws it; called once at first and then every poll. */
  refresh(): Promise<void>;
}

export interface ViewContext {
  readonly api: OpsApi;
  readonly root: HTMLElement;
  /** Moves to another view (a `#/...` address). */
  navigate(hash: string): void;
}
