import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { CheckResult, PlannedCheck, RunEvent } from '../../app/contract/check';
import { failAt, healthyChecks, intercepted, plus, systemCheck, withChecks } from '../../app/diagnosis/fixtures/runs';
import type { FixAttempt } from '../../app/fixes/attempt';
import type { FixOffer, FixPreview } from '../../app/fixes/preview';
import type { SyncDoctorApi } from '../../app/ipc/contract';
import { renderApp } from '../test-render';
import { fakeApi } from '../test-api';
import { APP_INFO, finished, RUN, started } from '../test-fixtures';

// The wizard screen with the real actions, store and effects; main's side is a fake at the IPC edge
// that answers as main/fixes/fix-session.ts would.

const hostsChecks: CheckResult[] = plus(
  withChecks(healthyChecks(), {
    'server:gs.apple.com:443': {
      ...failAt.refused,
      reason: 'dns-redirected',
      detail: 'The hosts file /etc/hosts does it, line 3: "1.2.3.4 gs.apple.com".',
    },
  }),
  systemCheck('hosts:apple', 'hosts', 'fail', 'hosts-entry', 'Line 3 sends gs.apple.com to 1.2.3.4.', { facts: { host: 'gs.apple.com' } }),
);
const interceptChecks: CheckResult[] = withChecks(healthyChecks(), { 'server:mesu.apple.com:443': intercepted() });

const planOf = (checks: readonly CheckResult[]): PlannedCheck[] => checks.map(({ id, kind, group, title }) => ({ id, kind, group, title }));

const hostsOffer: FixOffer = {
  findingId: 'hosts-file-redirect',
  fixId: 'remove-hosts-redirects',
  title: 'Remove the hosts-file lines that redirect Apple servers',
  changes: 'Removes only the lines that send Apple servers elsewhere.',
  needsAdmin: true,
  undoable: true,
  guidance: false,
};
const securityOffer: FixOffer = {
  findingId: 'https-inspection',
  fixId: 'open-security-settings',
  title: 'Open the security settings',
  changes: 'Opens the security settings.',
  needsAdmin: false,
  undoable: false,
  guidance: true,
};
const hostsPreview: FixPreview = {
  fixId: 'remove-hosts-redirects',
  findingId: 'hosts-file-redirect',
  title: hostsOffer.title,
  changes: hostsOffer.changes,
  steps: [
    {
      kind: 'edit-file',
      file: '/etc/hosts',
      backup: '/etc/hosts.bak',
      changes: [{ line: 3, before: '1.2.3.4 gs.apple.com' }],
      purpose: 'Keep the rest.',
    },
  ],
  needsAdmin: true,
  undoable: true,
  recheck: ['hosts:apple', 'server:gs.apple.com:443'],
  fingerprint: 'f1',
};
const applied: FixAttempt = {
  fixId: 'remove-hosts-redirects',
  findingId: 'hosts-file-redirect',
  action: 'apply',
  startedAt: '2026-12-02T10:00:00.000Z',
  finishedAt: '2026-12-02T10:00:01.000Z',
  steps: hostsPreview.steps,
  commands: [],
  outcome: { kind: 'applied' },
  backup: '/etc/hosts.bak',
  before: [{ id: 'server:gs.apple.com:443', title: 'gs.apple.com:443', status: 'fail', reason: 'dns-redirected' }],
  after: [{ id: 'server:gs.apple.com:443', title: 'gs.apple.com:443', status: 'ok', reason: 'ok' }],
};

function fakeMain(offers: FixOffer[] = [], overrides: Partial<SyncDoctorApi> = {}) {
  const api = fakeApi({
    startCheck: vi.fn(() => Promise.resolve({ ok: true as const, runId: RUN })),
    listFixes: vi.fn(() => Promise.resolve({ ok: true as const, offers })),
    previewFix: vi.fn(() => Promise.resolve({ ok: true as const, preview: hostsPreview })),
    applyFix: vi.fn(() => Promise.resolve({ ok: true as const, attempt: applied })),
    ...overrides,
  });
  return { api, push: (event: RunEvent) => act(() => api.push(event)) };
}

function renderWizard(main: ReturnType<typeof fakeMain>, platform = 'win32') {
  main.api.appInfo = () => Promise.resolve({ ...APP_INFO, platform });
  const view = renderApp({ api: main.api, appInfo: false });
  act(() => void view.actions.connect());
  return view;
}

const wizardRegion = () => screen.getByRole('region', { name: 'Fix my sync' });

async function runTo(main: ReturnType<typeof fakeMain>, checks: CheckResult[], cancelled = false) {
  main.push(started(planOf(checks)));
  main.push(finished(checks, cancelled));
  await act(() => Promise.resolve());
}

describe('the "Fix my sync" screen', () => {
  it('is where the app opens: first in the navigation, asking what is happening, with five one-click choices', () => {
    renderWizard(fakeMain());
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(nav).getAllByRole('button')[0]).toHaveAccessibleName('Fix my sync');
    expect(within(nav).getByRole('button', { name: 'Fix my sync' })).toHaveAttribute('aria-current', 'page');
    expect(screen.getByRole('heading', { level: 1, name: 'What is happening?' })).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'What is happening' })).getAllByRole('button')).toHaveLength(5);
  });

  it('checks the error number as it is typed, and starts the check with the keyboard alone', async () => {
    const user = userEvent.setup();
    const main = fakeMain();
    renderWizard(main);
    await user.click(screen.getByRole('button', { name: /^Update or restore shows an error/ }));
    const field = screen.getByRole('textbox', { name: 'The error number' });
    expect(field).toHaveFocus();
    await user.keyboard('abc');
    expect(field).toHaveAccessibleDescription('That is not an error code: type only the number, such as 3194 or -54.');
    expect(screen.getByRole('button', { name: /^Check$/ })).toBeDisabled();
    await user.clear(field);
    await user.keyboard('123456');
    expect(field).toHaveAccessibleDescription(/^Error 123456 is not one we know/);
    await user.clear(field);
    await user.keyboard('3194');
    expect(field).toHaveAccessibleDescription(/^Error 3194: The update could not be signed by Apple/);
    await user.keyboard('{Enter}');
    expect(main.api.startCheck).toHaveBeenCalledWith({ groups: ['network', 'system'] });
    const heading = screen.getByRole('heading', { level: 1, name: 'Checking the network and this computer' });
    expect(heading).toHaveFocus();
    main.push(started(planOf(hostsChecks)));
    main.push({ type: 'check-result', runId: RUN, result: hostsChecks[0]! });
    expect(within(wizardRegion()).getByRole('status')).toHaveTextContent(`1 of ${hostsChecks.length} checks done`);
    const deciding = screen.getByRole('region', { name: 'The checks that decide error 3194' });
    expect(within(deciding).getByText('gs.apple.com:443')).toBeInTheDocument();
  });

  it('walks a fix: the finding that explains the code, the offer, confirm with the exact lines, before → after, It works → Fixed', async () => {
    const user = userEvent.setup();
    const main = fakeMain([hostsOffer]);
    renderWizard(main);
    await user.click(screen.getByRole('button', { name: /^Update or restore shows an error/ }));
    await user.keyboard('3194{Enter}');
    await runTo(main, hostsChecks);
    expect(main.api.listFixes).toHaveBeenCalledWith(RUN);
    expect(screen.getByRole('heading', { level: 1, name: "The hosts file sends Apple's servers to the wrong place" })).toHaveFocus();
    const offer = screen.getByRole('region', { name: hostsOffer.title });
    expect(offer).toHaveTextContent('Can be undone');
    expect(offer).toHaveTextContent('Needs administrator rights');
    await user.click(within(offer).getByText('Show details'));
    expect(within(offer).getByText('1.2.3.4 gs.apple.com')).toBeInTheDocument();

    await user.click(within(offer).getByRole('button', { name: 'Fix it' }));
    expect(main.api.previewFix).toHaveBeenLastCalledWith({ runId: RUN, findingId: 'hosts-file-redirect', fixId: 'remove-hosts-redirects' });
    const dialog = screen.getByRole('dialog');
    expect(within(dialog).getByRole('heading', { name: `${hostsOffer.title}?` })).toHaveFocus();
    expect(within(dialog).getByText('1.2.3.4 gs.apple.com')).toBeInTheDocument();
    expect(main.api.applyFix).not.toHaveBeenCalled();
    await user.click(within(dialog).getByRole('button', { name: 'Yes, fix it' }));
    expect(main.api.applyFix).toHaveBeenCalledWith({ runId: RUN, findingId: 'hosts-file-redirect', fixId: 'remove-hosts-redirects' });
    expect(screen.getByRole('heading', { name: 'Fixed: the checks pass now' })).toHaveFocus();
    const row = screen.getByRole('row', { name: /^gs\.apple\.com:443/ });
    const [before, after] = within(row).getAllByRole('cell');
    expect(before).toHaveTextContent(/^✕Problem$/);
    expect(after).toHaveTextContent(/^✓OK$/);
    await user.click(screen.getByRole('button', { name: 'It works' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Fixed' })).toHaveFocus();
    expect(screen.getByRole('region', { name: 'What was done' })).toHaveTextContent(hostsOffer.title);
    // Solved: no report to hand anyone.
    expect(screen.queryByRole('button', { name: /report for support|forum/i })).not.toBeInTheDocument();
  });

  it('shows main’s refusal in words and never applies; Escape cancels a confirmation', async () => {
    const user = userEvent.setup();
    const main = fakeMain([hostsOffer], {
      previewFix: vi.fn(() =>
        Promise.resolve({ ok: false as const, why: 'stale' as const, message: 'That run is over: a newer check has started since.' }),
      ),
    });
    renderWizard(main);
    await user.click(screen.getByRole('button', { name: /^Sync fails/ }));
    await runTo(main, hostsChecks);
    await user.click(screen.getByRole('button', { name: 'Fix it' }));
    expect(screen.getByRole('heading', { name: 'The fix did not go through' })).toHaveFocus();
    expect(screen.getByText('That run is over: a newer check has started since.')).toBeInTheDocument();
    expect(main.api.applyFix).not.toHaveBeenCalled();

    vi.mocked(main.api.previewFix).mockResolvedValue({ ok: true, preview: hostsPreview });
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByRole('dialog')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: "The hosts file sends Apple's servers to the wrong place" })).toHaveFocus();
  });

  it('Show me how: the steps for this system naming what was found, and the settings page main offers', async () => {
    const user = userEvent.setup();
    const opened: FixAttempt = { ...applied, fixId: 'open-security-settings', findingId: 'https-inspection', before: [], after: [] };
    const main = fakeMain([securityOffer], {
      previewFix: vi.fn(() =>
        Promise.resolve({
          ok: true as const,
          preview: {
            ...hostsPreview,
            fixId: 'open-security-settings' as const,
            findingId: 'https-inspection' as const,
            title: 'Open the security settings',
            steps: [],
          },
        }),
      ),
      applyFix: vi.fn(() => Promise.resolve({ ok: true as const, attempt: opened })),
    });
    renderWizard(main, 'darwin');
    await user.click(screen.getByRole('button', { name: /^Sync fails/ }));
    await runTo(main, interceptChecks);
    expect(screen.queryByRole('button', { name: 'Fix it' })).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show me how' }));
    const how = screen.getByRole('region', { name: 'How to fix it yourself' });
    expect(within(how).getByRole('heading', { name: 'How to fix it yourself' })).toHaveFocus();
    expect(how).toHaveTextContent('Contoso Web Shield Root CA');
    expect(how).toHaveTextContent('Finder/Music/Apple Devices');
    await user.click(within(how).getByRole('button', { name: 'Open the security settings' }));
    expect(main.api.applyFix).toHaveBeenCalledWith({ runId: RUN, findingId: 'https-inspection', fixId: 'open-security-settings' });
    expect(within(how).getByRole('status')).toHaveTextContent('Open the security settings: done.');
    await user.click(within(how).getByRole('button', { name: 'Still not working' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Here is what is left' })).toHaveFocus();
  });

  it('when causes are left: Copy for a forum post copies through main with the code; Save opens the Report screen with it', async () => {
    const user = userEvent.setup();
    const main = fakeMain([], { copyReportForForum: vi.fn(() => Promise.resolve({ outcome: 'copied' as const, characters: 1234 })) });
    renderWizard(main);
    await user.click(screen.getByRole('button', { name: /^Update or restore/ }));
    await user.type(screen.getByRole('textbox'), '3194');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    await runTo(main, hostsChecks);
    await user.click(screen.getByRole('button', { name: 'Skip' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Here is what is left' })).toHaveFocus();
    const help = screen.getByRole('region', { name: 'Ask for help' });
    await user.click(within(help).getByRole('button', { name: 'Copy for a forum post' }));
    expect(main.api.copyReportForForum).toHaveBeenCalledWith({ runId: RUN, includePersonal: false, errorCode: '3194' });
    expect(help).toHaveTextContent('Copied the report as Markdown (1,234 characters)');
    await user.click(within(help).getByRole('button', { name: 'Save a report for support…' }));
    expect(screen.getByRole('button', { name: 'Report' })).toHaveAttribute('aria-current', 'page');
    expect(main.api.saveReport).not.toHaveBeenCalled();
  });

  it('with nothing found says the network and this computer look fine, and what else it could be', async () => {
    const user = userEvent.setup();
    const main = fakeMain();
    renderWizard(main);
    await user.click(screen.getByRole('button', { name: /^Device not recognized/ }));
    await runTo(main, healthyChecks());
    expect(screen.getByRole('heading', { level: 1, name: 'The network and this computer look fine' })).toHaveFocus();
    expect(screen.getByRole('region', { name: 'What else it could be' })).toHaveTextContent(/cable.*Trust.*Storage/s);
    await user.click(screen.getByRole('button', { name: 'Start over' }));
    expect(screen.getByRole('heading', { level: 1, name: 'What is happening?' })).toHaveFocus();
  });

  it('follows the check while another screen is shown, and Cancel keeps what was found', async () => {
    const user = userEvent.setup();
    const main = fakeMain([hostsOffer]);
    renderWizard(main);
    await user.click(screen.getByRole('button', { name: /^Not sure/ }));
    main.push(started(planOf(hostsChecks)));
    await user.click(screen.getByRole('button', { name: 'Servers' }));
    // The Run controls stay at the top on every screen: Cancel from there.
    await user.click(within(screen.getByRole('banner')).getByRole('button', { name: 'Cancel' }));
    expect(main.api.cancelCheck).toHaveBeenCalledWith(RUN);
    main.push(finished(hostsChecks, true));
    await act(() => Promise.resolve());
    await user.click(screen.getByRole('button', { name: 'Fix my sync' }));
    expect(screen.getByRole('heading', { level: 1, name: "The hosts file sends Apple's servers to the wrong place" })).toBeInTheDocument();
    expect(screen.getByText('The check was cancelled before it finished: this is what it found so far.')).toBeInTheDocument();
  });

  it('a check that cannot start returns to the question and says why', async () => {
    const user = userEvent.setup();
    const main = fakeMain([], {
      startCheck: vi.fn(() => Promise.resolve({ ok: false as const, why: 'busy' as const, message: 'A check is already running.' })),
    });
    renderWizard(main);
    await user.click(screen.getByRole('button', { name: /^Sync fails/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('A check is already running.');
    expect(screen.getByRole('heading', { level: 1, name: 'What is happening?' })).toHaveFocus();
  });
});
