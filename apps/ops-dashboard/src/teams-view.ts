import { el, fill } from './dom.js';
import { amountText } from './format.js';
import type { Page, TeamSummary } from './types.js';
import type { View, ViewContext } from './view.js';

/** Every team, newest first, searchable by name or id, with balance, sub-accounts and the last 24 h's spend. */
export class TeamsView implements View {
  private search = '';
  /** Cursors of the pages before the current one; the current one's is last. */
  private readonly cursors: (string | null)[] = [null];
  private page: Page<TeamSummary> = { items: [], nextCursor: null };
  private readonly rows = el('tbody');
  private readonly pager = el('div', { class: 'pager' });

  constructor(private readonly context: ViewContext) {
    const input = el('input', {
      type: 'search',
      name: 'search',
      placeholder: 'Name or team id',
      'aria-label': 'Search teams',
      maxlength: 100,
    });
    const form = el('form', { class: 'search', role: 'search' }, input, el('button', { type: 'submit' }, 'Search'));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.search = input.value.trim();
      this.cursors.splice(0, this.cursors.length, null);
      void this.refresh();
    });
    const head = el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...['Team', 'Id', 'Balance', 'Sub-accounts', 'Spend, last 24 h', 'Created'].map((title) => el('th', {}, title)),
      ),
    );
    fill(context.root, el('h2', {}, 'Teams'), form, el('table', { class: 'teams' }, head, this.rows), this.pager);
  }

  async refresh(): Promise<void> {
    this.page = await this.context.api.teams(this.search, this.cursors[this.cursors.length - 1]);
    fill(
      this.rows,
      ...(this.page.items.length === 0
        ? [el('tr', {}, el('td', { colspan: 6, class: 'empty' }, 'No team matches.'))]
        : this.page.items.map((team) => this.row(team))),
    );
    this.drawPager();
  }

  private row(team: TeamSummary): HTMLTableRowElement {
    const link = el('a', { href: `#/teams/${encodeURIComponent(team.id)}`, 'data-team-id': team.id }, team.name);
    return el(
      'tr',
      {},
      el('td', {}, link),
      el('td', { class: 'id' }, team.id),
      el('td', { class: 'amount' }, `${amountText(team.balance)} ${team.currency.toUpperCase()}`),
      el('td', { class: 'count' }, team.subAccounts),
      el('td', { class: 'amount', 'data-field': 'spend24h' }, amountText(team.spend24h)),
      el('td', {}, team.createdAt.slice(0, 10)),
    );
  }

  private drawPager(): void {
    const previous = el('button', { type: 'button', disabled: this.cursors.length <= 1 }, 'Newer');
    previous.addEventListener('click', () => {
      this.cursors.pop();
      void this.refresh();
    });
    const next = el('button', { type: 'button', disabled: this.page.nextCursor === null }, 'Older');
    next.addEventListener('click', () => {
      this.cursors.push(this.page.nextCursor);
      void this.refresh();
    });
    fill(this.pager, previous, el('span', {}, `page ${this.cursors.length}`), next);
  }
}
