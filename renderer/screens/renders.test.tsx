import { act, waitFor } from '@testing-library/react';
import { Profiler, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { PlannedCheck, RunEvent } from '../../app/contract/check';
import { portCoverage } from '../model/ports';
import { renderInStore } from '../test-render';
import { APP_INFO, plannedPort, plannedServer, portResult, processResult, result, serverResult, started } from '../test-fixtures';
import { Overview } from './Overview';
import { PortRow } from './Ports';
import { ProcessItem } from './Processes';
import { ServerRow } from './ServerRow';
import { Servers } from './Servers';

// Re-renders counted with React's Profiler: each row must re-render for its own check's events only,
// however many other checks start and finish around it. A selector that takes the whole run, or a
// value every row shares, fails these.

/** Wraps each named subtree in a Profiler and counts its re-renders (not its mount). */
function counting(trees: Record<string, ReactNode>) {
  const updates: Record<string, number> = Object.fromEntries(Object.keys(trees).map((id) => [id, 0]));
  const ui = Object.entries(trees).map(([id, tree]) => (
    <Profiler
      key={id}
      id={id}
      onRender={(_id, phase) => {
        if (phase !== 'mount') updates[id]! += 1;
      }}
    >
      {tree}
    </Profiler>
  ));
  return { ui: <>{ui}</>, updates };
}

/** Starts a run on the store and returns how to push its events in. */
function runOn(store: ReturnType<typeof renderInStore>['store'], planned: PlannedCheck[]) {
  const send = (...events: RunEvent[]) => act(() => events.forEach((event) => store.getState().runEvent(event)));
  act(() => store.getState().runStarting());
  send(started(planned));
  return send;
}

function startedCheck(id: string): RunEvent {
  return { type: 'check-started', runId: 'run-1', checkId: id };
}

describe('what re-renders while results stream in', () => {
  it('a server row, for its own check only: not when another check starts, finishes, or becomes the slowest', () => {
    const a = plannedServer('a.apple.com');
    const b = plannedServer('b.apple.com');
    const { ui, updates } = counting({ a: <ServerRow planned={a} />, b: <ServerRow planned={b} /> });
    const { store } = renderInStore(ui);
    const send = runOn(store, [a, b]);
    const before = { ...updates };

    send(startedCheck(b.id));
    send(result(serverResult(b, { timings: { dnsMs: 400, tcpMs: 300, tlsMs: 200, httpMs: 100 } })));
    expect(store.getState().run.slowestMs).toBe(1000);
    expect(updates['a']).toBe(before['a']);
    expect(updates['b']).toBe(before['b']! + 2);

    send(startedCheck(a.id), result(serverResult(a)));
    expect(updates['a']).toBe(before['a']! + 1);
    expect(updates['b']).toBe(before['b']! + 2);
  });

  it('the servers table carries the shared time scale, so the slowest time reaches every bar without a row render', async () => {
    const a = plannedServer('a.apple.com');
    const { store, container } = renderInStore(<Servers />);
    const send = runOn(store, [a]);
    // Rows are mounted a few at a time, one task after another.
    await waitFor(() => expect(container.querySelector('.server-row')).not.toBeNull());
    const table = () => container.querySelector<HTMLElement>('[role="table"]')!;
    expect(table().style.getPropertyValue('--waterfall-scale-ms')).toBe('50');
    send(result(serverResult(a, { timings: { dnsMs: 100, tcpMs: 200, tlsMs: 300, httpMs: 400 } })));
    expect(table().style.getPropertyValue('--waterfall-scale-ms')).toBe('1000');
    expect(container.querySelector<HTMLElement>('.segment-http')!.style.getPropertyValue('--segment-ms')).toBe('400');
  });

  it('a port row, for the checks of its own port only', () => {
    const [outbound, , local] = APP_INFO.catalog.ports as [
      (typeof APP_INFO.catalog.ports)[number],
      unknown,
      (typeof APP_INFO.catalog.ports)[number],
    ];
    const port554 = plannedPort(554, outbound.id);
    const listener: PlannedCheck = { id: 'listener:tcp:27015', kind: 'listener', group: 'system', title: 'TCP 27015', entryId: local.id };
    const planned = [port554, listener];
    const { ui, updates } = counting({
      outbound: <PortRow entry={outbound} coverage={portCoverage(outbound, planned)} />,
      local: <PortRow entry={local} coverage={portCoverage(local, planned)} />,
    });
    const { store, container } = renderInStore(
      <table>
        <tbody>{ui}</tbody>
      </table>,
    );
    const send = runOn(store, planned);
    const before = { ...updates };

    send(startedCheck(port554.id), startedCheck(listener.id));
    expect(updates).toEqual(before);

    const blocked = portResult(port554, { status: 'fail', reason: 'tcp-timeout', detail: 'No answer.' });
    send(result(blocked));
    expect(updates['local']).toBe(before['local']);
    expect(updates['outbound']).toBe(before['outbound']! + 1);
    expect(container).toHaveTextContent('Blocked: 554');
  });

  it('a helper process row, for its own check only', () => {
    const service: PlannedCheck = { id: 'process:mobile-device-service', kind: 'process', group: 'system', title: 'AMDS.exe' };
    const photos: PlannedCheck = { id: 'process:photo-processor', kind: 'process', group: 'system', title: 'Photos.exe' };
    const entry = (id: string) => APP_INFO.catalog.processes.find((p) => p.id === id);
    const { ui, updates } = counting({
      service: <ProcessItem planned={service} entry={entry('mobile-device-service')} />,
      photos: <ProcessItem planned={photos} entry={entry('photo-processor')} />,
    });
    const { store } = renderInStore(<ul>{ui}</ul>);
    const send = runOn(store, [service, photos]);
    const before = { ...updates };

    send(startedCheck(photos.id), result(processResult('photo-processor', photos.title, true, 'background', 'ok')));
    expect(updates['service']).toBe(before['service']);
    expect(updates['photos']).toBe(before['photos']! + 1);
  });

  it('the overview, once per result and not when a check merely starts', () => {
    const a = plannedServer('a.apple.com');
    const b = plannedServer('b.apple.com');
    const { ui, updates } = counting({ overview: <Overview /> });
    const { store } = renderInStore(ui);
    const send = runOn(store, [a, b]);
    const before = updates['overview']!;

    send(startedCheck(a.id), startedCheck(b.id));
    expect(updates['overview']).toBe(before);
    send(result(serverResult(a)));
    expect(updates['overview']).toBe(before + 1);
  });
});
