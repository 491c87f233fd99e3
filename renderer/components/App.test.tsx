import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { renderApp } from '../test-render';
import { finished, plannedPort, plannedServer, portResult, processResult, result, serverResult, started } from '../test-fixtures';

const gs = plannedServer('gs.apple.com');
const mz = plannedServer('a3.mzstatic.com', 443, '*.mzstatic.com');

describe('the app', () => {
  it('starts empty: a plain verdict, a Run button and nothing pretending to be a result', () => {
    renderApp({ screen: 'overview' });
    expect(screen.getByRole('heading', { level: 1, name: 'Not checked yet' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run check' })).toBeEnabled();
    expect(screen.getByText('Ready')).toBeInTheDocument();
  });

  it('runs and cancels from the same place, showing live progress', async () => {
    const user = userEvent.setup();
    const { store, actions } = renderApp({ screen: 'overview' });
    await user.click(screen.getByRole('button', { name: 'Run check' }));
    expect(actions.startRun).toHaveBeenCalledOnce();
    act(() => store.getState().runEvent(started([gs, mz])));
    act(() => store.getState().runEvent(result(serverResult(gs))));
    expect(screen.getByText('1 of 2 checks done')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Checks done' })).toHaveAttribute('value', '1');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(actions.cancelRun).toHaveBeenCalledOnce();
    expect(screen.getByRole('button', { name: 'Cancelling…' })).toBeDisabled();
    const cancelledMz = serverResult(mz, { status: 'skipped', reason: 'cancelled' });
    act(() => {
      store.getState().runEvent(result(cancelledMz));
      store.getState().runEvent(finished([serverResult(gs), cancelledMz], true));
    });
    expect(screen.getByRole('heading', { level: 1, name: 'Check cancelled' })).toBeInTheDocument();
    expect(screen.getByText(/1 of 2 checks finished before you cancelled/)).toBeInTheDocument();
    expect(screen.getByText('Cancelled after 1 of 2 checks')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Run again' })).toBeEnabled();
  });

  it('shows servers as they stream in, with each layer and which example stood for a wildcard', async () => {
    const user = userEvent.setup();
    const { store } = renderApp({ screen: 'overview' });
    act(() => {
      store.getState().runStarting();
      store.getState().runEvent(started([gs, mz]));
    });
    await user.click(screen.getByRole('button', { name: 'Servers' }));
    const rows = () => screen.getAllByRole('row').slice(1);
    expect(rows()).toHaveLength(2);
    expect(within(rows()[1]!).getByText('stands for *.mzstatic.com (probed a3.mzstatic.com)')).toBeInTheDocument();
    expect(within(rows()[0]!).getByText('Waiting to be checked')).toBeInTheDocument();
    act(() =>
      store.getState().runEvent(
        result(
          serverResult(gs, {
            status: 'fail',
            reason: 'tcp-refused',
            detail: 'gs.apple.com refused the connection.',
            layers: { dns: 'ok', tcp: 'fail', tls: 'not-run', http: 'not-run' },
          }),
        ),
      ),
    );
    const first = rows()[0]!;
    expect(within(first).getByText('gs.apple.com refused the connection.')).toBeInTheDocument();
    expect(within(first).getByLabelText('DNS ok')).toBeInTheDocument();
    expect(within(first).getByLabelText('TCP failed')).toBeInTheDocument();
    expect(within(first).getByLabelText('TLS not reached')).toBeInTheDocument();
    expect(within(first).getByText('Problem')).toBeInTheDocument();
    expect(rows()).toHaveLength(2);
  });

  it('moves between sections with the arrow keys', async () => {
    const user = userEvent.setup();
    renderApp({ screen: 'overview' });
    await user.click(screen.getByRole('button', { name: 'Overview' }));
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: 'Servers' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Servers' })).toHaveAttribute('aria-current', 'page');
    // Up from the first section wraps round to the last one.
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(screen.getByRole('button', { name: 'Fix my sync' })).toHaveAttribute('aria-current', 'page');
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('button', { name: 'Report' })).toHaveAttribute('aria-current', 'page');
  });

  it('shows helper processes as not yet run until the run checks them, then flags the missing ones that matter', async () => {
    const user = userEvent.setup();
    const { store } = renderApp({ screen: 'overview' });
    await user.click(screen.getByRole('button', { name: 'Processes' }));
    expect(screen.getByText('The helper process check has not run yet.')).toBeInTheDocument();
    expect(screen.getByLabelText('AppleMobileDeviceService.exe: Not checked yet')).toBeInTheDocument();
    expect(screen.queryByText('usbmuxd')).not.toBeInTheDocument();

    const service = {
      id: 'process:mobile-device-service',
      kind: 'process' as const,
      group: 'system' as const,
      title: 'AppleMobileDeviceService.exe',
      entryId: 'mobile-device-service',
    };
    const photos = {
      id: 'process:photo-processor',
      kind: 'process' as const,
      group: 'system' as const,
      title: 'iTunesPhotoProcessor.exe',
      entryId: 'photo-processor',
    };
    act(() => {
      store.getState().runStarting();
      store.getState().runEvent(started([service, photos]));
      store.getState().runEvent(result(processResult('mobile-device-service', service.title, false, 'device', 'fail')));
      store.getState().runEvent(result(processResult('photo-processor', photos.title, true, 'background', 'ok')));
    });
    expect(screen.getByRole('alert')).toHaveTextContent('A helper that matters is not running: AppleMobileDeviceService.exe.');
    expect(screen.getByLabelText('AppleMobileDeviceService.exe: Missing')).toHaveTextContent('Needed: start or reinstall it');
    expect(screen.getByLabelText('iTunesPhotoProcessor.exe: Running')).toHaveTextContent('Running (pid 42)');
    expect(screen.getByLabelText('iTunesPhotoProcessor.exe: Running')).toHaveTextContent('Converts photos');
  });

  it('lists every port of the source, saying which local checks have not run', async () => {
    const user = userEvent.setup();
    const { store } = renderApp({ screen: 'overview' });
    await user.click(screen.getByRole('button', { name: 'Ports' }));
    expect(screen.getAllByText('Not checked yet')).toHaveLength(3);
    const port = plannedPort(554, 'port-554');
    act(() => {
      store.getState().runStarting();
      store.getState().runEvent(started([gs, port]));
      store.getState().runEvent(result(serverResult(gs)));
      store.getState().runEvent(result(portResult(port, { status: 'fail', reason: 'tcp-timeout', detail: 'No answer.' })));
    });
    const row = (name: string) => screen.getByRole('row', { name: new RegExp(name) });
    expect(row('TCP 554')).toHaveTextContent('Blocked: 554');
    expect(row('TCP 443')).toHaveTextContent('1 of 1 server reached on this port');
    expect(row('TCP 27015')).toHaveTextContent('Local checks not yet run');
  });

  it("shows who listens on a local port and the computer's own checks once the run has them", async () => {
    const user = userEvent.setup();
    const { store } = renderApp({ screen: 'overview' });
    const listener = {
      id: 'listener:tcp:27015',
      kind: 'listener' as const,
      group: 'system' as const,
      title: 'TCP 27015 on this computer',
      port: 27015,
      protocol: 'tcp' as const,
      entryId: 'port-27015',
    };
    const hosts = { id: 'hosts:file', kind: 'hosts' as const, group: 'system' as const, title: 'Hosts file' };
    act(() => {
      store.getState().runStarting();
      store.getState().runEvent(started([gs, listener, hosts]));
      store.getState().runEvent(
        result({
          ...listener,
          status: 'ok',
          reason: 'ok',
          detail: 'Held as expected.',
          timings: {},
          facts: { pid: 7, program: 'AppleMobileDeviceService.exe', address: '127.0.0.1' },
        }),
      );
      store
        .getState()
        .runEvent(
          result({ ...hosts, status: 'fail', reason: 'hosts-entry', detail: 'gs.apple.com is redirected on line 23.', timings: {} }),
        );
    });
    expect(screen.getByRole('heading', { level: 2, name: 'This computer' })).toBeInTheDocument();
    expect(screen.getByLabelText('Hosts file')).toHaveTextContent('gs.apple.com is redirected on line 23.');
    await user.click(screen.getByRole('button', { name: 'Ports' }));
    expect(screen.getByRole('row', { name: /TCP 27015/ })).toHaveTextContent('AppleMobileDeviceService.exe (pid 7)');
    expect(screen.getByRole('row', { name: /TCP 554/ })).toHaveTextContent('Outbound only');
  });

  it("opens Apple's page through main instead of navigating", async () => {
    const user = userEvent.setup();
    const { actions } = renderApp({ screen: 'overview' });
    await user.click(screen.getByRole('link', { name: /Apple's list for enterprise networks/ }));
    expect(actions.openLink).toHaveBeenCalledWith('https://support.apple.com/HT210060');
  });

  it('says plainly when the check could not start', () => {
    const { store } = renderApp({ screen: 'overview' });
    act(() => {
      store.getState().runStarting();
      store.getState().runStartFailed('A check is already running.');
    });
    expect(screen.getByRole('heading', { level: 1, name: 'The check could not start' })).toBeInTheDocument();
    expect(screen.getByText('A check is already running.')).toBeInTheDocument();
  });
});
