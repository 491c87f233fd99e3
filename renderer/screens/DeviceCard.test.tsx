import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { PlannedCheck, SystemCheck } from '../../app/contract/check';
import { renderApp } from '../test-render';
import { plannedServer, result, serverResult, started, wholeRun } from '../test-fixtures';

const usbmux: PlannedCheck = { id: 'device:usbmux', kind: 'device', group: 'system', title: 'iPhone, iPad or iPod' };
const usbBus: PlannedCheck = { id: 'device:usb-bus', kind: 'device', group: 'system', title: 'Apple device on the USB bus' };
const gs = plannedServer('gs.apple.com');

function deviceResult(planned: PlannedCheck, overrides: Partial<SystemCheck>): SystemCheck {
  return {
    id: planned.id,
    kind: 'device',
    group: 'system',
    title: planned.title,
    status: 'ok',
    reason: 'ok',
    detail: '',
    timings: {},
    ...overrides,
  };
}

const twoSeen = deviceResult(usbmux, {
  status: 'warn',
  reason: 'device-not-trusted',
  detail: 'usbmuxd sees 2 devices. This iPad does not trust this computer yet: unlock it and tap Trust.',
  facts: {
    devices: 2,
    kinds: 'iPhone, iPad',
    connections: 'USB, Network',
    serialsLast4: '802E, 5F60',
    trust: 'trusted, not trusted',
    notTrusted: 1,
  },
});

/** A run of just the device service's row, with that result. */
function runWith(store: ReturnType<typeof renderApp>['store'], check: SystemCheck): void {
  act(() => {
    store.getState().runStarting();
    store.getState().runEvent(started([usbmux]));
    store.getState().runEvent(result(check));
  });
}

function card() {
  return screen.getByRole('region', { name: 'iPhone, iPad or iPod' });
}

describe('the device card', () => {
  it('follows the device checks live: waiting, checking, then the devices seen with their trust', () => {
    const { store } = renderApp({ screen: 'overview' });
    act(() => {
      store.getState().runStarting();
      store.getState().runEvent(started([gs, usbmux, usbBus]));
    });
    expect(within(card()).getByText('Waiting to be checked', { selector: '.device-headline' })).toBeInTheDocument();
    act(() => store.getState().runEvent({ type: 'check-started', runId: 'run-1', checkId: usbmux.id }));
    expect(within(card()).getByText('Checking…', { selector: '.device-headline' })).toBeInTheDocument();
    act(() => store.getState().runEvent(result(twoSeen)));
    expect(within(card()).getByText('Seen, but this computer is not trusted yet')).toBeInTheDocument();
    const devices = within(within(card()).getByRole('list', { name: 'Devices seen' })).getAllByRole('listitem');
    expect(devices.map((item) => item.textContent)).toEqual([
      'iPhoneUSB · serial ending 802ETrusts this computer',
      'iPadOver the network · serial ending 5F60Does not trust this computer yet',
    ]);
    expect(within(card()).getByText(/^Unlock the iPad and tap Trust when asked whether to trust this computer/)).toBeInTheDocument();
    // The check's own detail repeats the list: the card does not show it twice.
    expect(within(card()).queryByText(/usbmuxd sees 2 devices/)).toBeNull();
    // The USB side is a line of its own, still waiting.
    expect(within(card()).getByRole('listitem', { name: 'Apple device on the USB bus' })).toHaveTextContent('Waiting to be checked');
  });

  it('says what is wrong and what to do when nothing is seen, and the findings name the one cause', () => {
    const { store } = renderApp({ screen: 'overview' });
    const none = deviceResult(usbmux, {
      status: 'warn',
      reason: 'device-none',
      detail: 'usbmuxd answers but sees no iPhone, iPad or iPod. Unlock the device and tap Trust.',
      facts: { devices: 0, kinds: null, connections: null, serialsLast4: null, trust: null, notTrusted: 0 },
    });
    const bus = deviceResult(usbBus, {
      status: 'warn',
      reason: 'device-not-on-usb',
      detail: 'No iPhone, iPad or iPod is on the USB bus: try another cable.',
    });
    act(() => {
      store.getState().runStarting();
      for (const event of wholeRun([gs, usbmux, usbBus], [serverResult(gs), none, bus])) store.getState().runEvent(event);
    });
    expect(within(card()).getByText('No iPhone, iPad or iPod is seen')).toBeInTheDocument();
    expect(within(card()).getByText(/Unlock the device and tap Trust/)).toBeInTheDocument();
    expect(within(card()).getByText(/try another cable/)).toBeInTheDocument();
    expect(within(card()).queryByRole('list', { name: 'Devices seen' })).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'We found a warning' })).toBeInTheDocument();
    expect(screen.getByRole('article', { name: /No Apple device is on the USB bus/ })).toBeInTheDocument();
  });

  it('a device service that is not running is a problem in the card', () => {
    const { store } = renderApp({ screen: 'overview' });
    runWith(
      store,
      deviceResult(usbmux, { status: 'fail', reason: 'device-service-unreachable', detail: 'Nothing answers on 127.0.0.1:27015.' }),
    );
    expect(within(card()).getByText('The device service is not running')).toBeInTheDocument();
    expect(within(card()).getByText('Problem')).toBeInTheDocument();
  });

  it('is on the Processes screen too, and says plainly when the check has not run', async () => {
    const user = userEvent.setup();
    const { store } = renderApp({ screen: 'overview' });
    expect(screen.queryByRole('region', { name: 'iPhone, iPad or iPod' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Processes' }));
    expect(within(card()).getByRole('note')).toHaveTextContent('The device check has not run yet');
    runWith(
      store,
      deviceResult(usbmux, { facts: { devices: 1, kinds: 'iPhone', connections: 'USB', serialsLast4: '802E', trust: 'trusted' } }),
    );
    expect(within(card()).getByText('One device is seen')).toBeInTheDocument();
    expect(within(card()).getByText('USB · serial ending 802E')).toBeInTheDocument();
  });
});
