import { ApiError, OpsApi } from './api.js';
import { el, fill } from './dom.js';
import { SystemView } from './system-view.js';
import { TeamView } from './team-view.js';
import { TeamsView } from './teams-view.js';
import type { View, ViewContext } from './view.js';

// The ops dashboard (docs/operations.md): asks for the operator token, then shows the teams, one
// team or the system, re-reading the operator API every two seconds.

const POLL_MS = 2_000;
const TOKEN_KEY = 'subledger-operator-token';

const main = document.getElementById('main') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;
const nav = document.getElementById('nav') as HTMLElement;

let view: View | null = null;
let poll: ReturnType<typeof setTimeout> | undefined;
let generation = 0;

function showLogin(message = ''): void {
  clearTimeout(poll);
  view = null;
  nav.hidden = true;
  sessionStorage.removeItem(TOKEN_KEY);
  const token = el('input', {
    type: 'password',
    name: 'token',
    autocomplete: 'current-password',
    required: true,
    'aria-label': 'Operator token',
  });
  const form = el(
    'form',
    { class: 'login' },
    el('label', {}, 'Operator token ', token),
    el('button', { type: 'submit' }, 'Sign in'),
    message ? el('p', { class: 'error', role: 'alert' }, message) : null,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void signIn(token.value.trim());
  });
  fill(main, el('h2', {}, 'Sign in'), form);
  fill(status);
  token.focus();
}

async function signIn(token: string): Promise<void> {
  try {
    await new OpsApi(token).teams('', null, 1);
  } catch (error) {
    showLogin(
      error instanceof ApiError && error.status === 401
        ? 'The operator token was refused.'
        : `The gateway did not answer: ${String(error)}`,
    );
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, token);
  route();
}

function viewFor(context: ViewContext): View {
  const hash = location.hash;
  if (hash === '#/system') return new SystemView(context);
  const team = /^#\/teams\/(.+)$/.exec(hash);
  if (team) return new TeamView(context, decodeURIComponent(team[1]));
  return new TeamsView(context);
}

function route(): void {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token === null) return showLogin();
  clearTimeout(poll);
  nav.hidden = false;
  const hash = location.hash || '#/teams';
  for (const link of nav.querySelectorAll('a'))
    link.classList.toggle('current', hash.startsWith(link.getAttribute('href') ?? '#none'));
  const context: ViewContext = { api: new OpsApi(token), root: main, navigate: (hash) => (location.hash = hash) };
  view = viewFor(context);
  void refreshLoop(view, ++generation);
}

/** Refreshes the view, then again two seconds after each answer, until another view replaces it. */
async function refreshLoop(current: View, mine: number): Promise<void> {
  try {
    await current.refresh();
    if (mine !== generation) return;
    fill(status, el('span', { 'data-field': 'updated' }, `Updated ${new Date().toISOString().slice(11, 19)} UTC`));
  } catch (error) {
    if (mine !== generation) return;
    if (error instanceof ApiError && error.status === 401) return showLogin('The operator token was refused.');
    fill(
      status,
      el(
        'span',
        { class: 'error', role: 'alert' },
        error instanceof ApiError ? `${error.status} ${error.code}: ${error.message}` : String(error),
      ),
    );
  }
  if (mine === generation) poll = setTimeout(() => void refreshLoop(current, mine), POLL_MS);
}

document.getElementById('sign-out')?.addEventListener('click', () => showLogin());
window.addEventListener('hashchange', route);
route();
