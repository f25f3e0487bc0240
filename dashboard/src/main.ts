import { ApiError, graphql } from './api';
import { renderBudget } from './budget';
import { horizonDays } from './dates';
import { byId } from './dom';
import { renderGaps } from './gaps';
import { renderHeatmap, renderLegend } from './heatmap';
import { BOARD, RENEWALS, TEAMS, type Board, type Renewals, type TeamNode } from './queries';
import { renderRenewals } from './renewals';
import { forgetToken, storeToken, storedToken } from './session';
import { fillPicker, flatten, type FlatTeam } from './team-tree';

const ui = {
  signIn: byId('sign-in', HTMLElement),
  signInForm: byId('sign-in-form', HTMLFormElement),
  tokenInput: byId('token', HTMLTextAreaElement),
  who: byId('who', HTMLElement),
  whoName: byId('who-name', HTMLElement),
  signOut: byId('sign-out', HTMLButtonElement),
  error: byId('error', HTMLElement),
  controls: byId('controls', HTMLFormElement),
  team: byId('team', HTMLSelectElement),
  asOf: byId('as-of', HTMLInputElement),
  status: byId('status', HTMLElement),
  board: byId('board', HTMLElement),
  coverageSummary: byId('coverage-summary', HTMLElement),
  heatmap: byId('heatmap', HTMLElement),
  legend: byId('legend', HTMLElement),
  renewalChart: byId('renewal-chart', HTMLCanvasElement),
  renewalSummary: byId('renewal-summary', HTMLElement),
  renewalTable: byId('renewal-table', HTMLElement),
  gaps: byId('gaps', HTMLElement),
  budget: byId('budget', HTMLElement),
};

let teams: FlatTeam[] = [];
/** Each load gets a number; an answer for an older one (a quicker click) is dropped. */
let latest = 0;

function showError(message: string | null): void {
  ui.error.hidden = message === null;
  ui.error.textContent = message ?? '';
}

function showSignIn(reason: string | null): void {
  forgetToken();
  teams = [];
  ui.signIn.hidden = false;
  ui.who.hidden = true;
  ui.controls.hidden = true;
  ui.board.hidden = true;
  document.body.removeAttribute('data-loaded');
  showError(reason);
  ui.tokenInput.focus();
}

/** Says plainly what went wrong; a refused token sends the person back to sign in. */
function fail(error: unknown): void {
  ui.status.textContent = '';
  if (error instanceof ApiError && error.signInNeeded) {
    showSignIn(`Please sign in again: the service did not accept the token (${error.message}).`);
  } else if (error instanceof ApiError) {
    showError(`The service answered ${error.code}: ${error.message}`);
  } else {
    showError(`Something went wrong in the dashboard: ${String(error)}`);
  }
}

function render(team: FlatTeam, board: Board, renewals: Renewals): void {
  const { requirements } = board.coverage;
  const met = requirements.filter((row) => row.gap === 0).length;
  const below = team.subtree.length > 1 ? ' and the teams below it' : '';
  ui.coverageSummary.textContent = `${team.name}${below}: ${met} of ${requirements.length} met.`;
  ui.heatmap.replaceChildren(renderHeatmap(team.subtree, requirements));
  renderRenewals(
    { canvas: ui.renewalChart, summary: ui.renewalSummary, table: ui.renewalTable },
    board.coverage.asOf,
    renewals.renewalExposure,
  );
  ui.gaps.replaceChildren(renderGaps(board.gaps));
  ui.budget.replaceChildren(...renderBudget(board.trainingBudget));
  ui.board.hidden = false;
}

async function load(token: string): Promise<void> {
  const team = teams.find((t) => t.id === ui.team.value);
  if (!team) return;
  const ticket = ++latest;
  ui.status.textContent = `Loading ${team.name}…`;
  try {
    // An empty date asks for the service's today, which then fills the date field.
    const asOf = ui.asOf.value || null;
    const board = await graphql<Board>(token, BOARD, { team: team.id, asOf });
    const day = board.coverage.asOf;
    const renewals = await graphql<Renewals>(token, RENEWALS, {
      team: team.id,
      asOf: day,
      horizon: horizonDays(day),
    });
    if (ticket !== latest) return;
    ui.asOf.value = day;
    showError(null);
    render(team, board, renewals);
    ui.status.textContent = `As of ${day}.`;
    // Lets scripts (and the end-to-end test) wait for the view of one team and day.
    document.body.dataset.loaded = `${team.id}|${day}`;
  } catch (error) {
    // A failure of a load that a later one replaced says nothing about what is on screen.
    if (ticket === latest) throw error;
  }
}

async function start(token: string): Promise<void> {
  ui.signIn.hidden = true;
  showError(null);
  ui.status.textContent = 'Loading teams…';
  const answer = await graphql<{ me: { name: string }; teams: TeamNode[] }>(token, TEAMS);
  ui.whoName.textContent = `Signed in as ${answer.me.name}`;
  ui.who.hidden = false;
  teams = flatten(answer.teams);
  if (teams.length === 0) {
    ui.status.textContent = '';
    showError('This account may not see any team. Managers see their teams; L&D sees all.');
    return;
  }
  fillPicker(ui.team, teams);
  ui.controls.hidden = false;
  await load(token);
}

function withToken(work: (token: string) => Promise<void>): void {
  const token = storedToken();
  if (token === null) {
    showSignIn(null);
    return;
  }
  work(token).catch(fail);
}

ui.signInForm.addEventListener('submit', (event) => {
  event.preventDefault();
  if (storeToken(ui.tokenInput.value) === null) return;
  ui.tokenInput.value = '';
  withToken(start);
});
ui.signOut.addEventListener('click', () => showSignIn(null));
ui.team.addEventListener('change', () => withToken(load));
ui.asOf.addEventListener('change', () => {
  if (ui.asOf.validity.valid) withToken(load);
});
ui.controls.addEventListener('submit', (event) => event.preventDefault());

renderLegend(ui.legend);
withToken(start);
