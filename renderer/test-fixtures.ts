// A fake event feed for unit tests only: small, hand-made runs in the contract's shapes.
import type { CheckResult, PlannedCheck, PortCheck, ReportHeader, RunEvent, ServerCheck, SystemCheck } from '../app/contract/check';
import { summarize } from '../app/contract/check';
import type { AppInfo } from '../app/ipc/contract';
import { diagnose } from '../app/diagnosis/diagnose';

export const RUN = 'run-1';

export function plannedServer(host: string, port = 443, pattern?: string): PlannedCheck {
  return {
    id: `server:${host}:${port}`,
    kind: 'server',
    group: 'network',
    title: `${host}:${port}`,
    host,
    port,
    protocol: 'tcp',
    purpose: `Purpose of ${host}`,
    ...(pattern ? { pattern } : {}),
    entryId: host,
  };
}

export function serverResult(planned: PlannedCheck, overrides: Partial<ServerCheck> = {}): ServerCheck {
  return {
    id: planned.id,
    kind: 'server',
    group: 'network',
    title: planned.title,
    host: planned.host ?? '',
    port: planned.port ?? 443,
    protocol: 'tcp',
    purpose: planned.purpose ?? '',
    status: 'ok',
    reason: 'ok',
    detail: `Reachable: ${planned.host} answered.`,
    timings: { dnsMs: 5, tcpMs: 10, tlsMs: 20, httpMs: 15 },
    layers: { dns: 'ok', tcp: 'ok', tls: 'ok', http: 'ok' },
    tls: { issuer: 'Apple Public Server RSA CA', subject: planned.host ?? '', validTo: '2027-01-01', trusted: true, chain: [] },
    ...(planned.pattern ? { pattern: planned.pattern } : {}),
    ...(planned.entryId ? { entryId: planned.entryId } : {}),
    ...overrides,
  };
}

/** The plan of an outgoing port check of a catalog port entry. */
export function plannedPort(port: number, entryId: string, host = 'portquiz.net'): PlannedCheck {
  return { id: `port:${host}:${port}`, kind: 'port', group: 'network', title: `TCP ${port}`, host, port, protocol: 'tcp', entryId };
}

/** A port check's result: open unless overridden. */
export function portResult(planned: PlannedCheck, overrides: Partial<PortCheck> = {}): PortCheck {
  const { kind: _kind, group: _group, pattern: _pattern, protocol: _protocol, ...fromPlan } = planned;
  return {
    ...fromPlan,
    kind: 'port',
    group: 'network',
    port: planned.port ?? 0,
    protocol: 'tcp',
    purpose: planned.purpose ?? 'RTSP',
    status: 'ok',
    reason: 'ok',
    detail: `Port ${planned.port} is open.`,
    timings: {},
    ...overrides,
  };
}

export function processResult(id: string, title: string, present: boolean, importance: string, status: CheckResult['status']): SystemCheck {
  return {
    id: `process:${id}`,
    kind: 'process',
    group: 'system',
    title,
    status,
    reason: present ? 'ok' : 'process-missing',
    detail: present ? `${title} is running (pid 42).` : `${title} is not running.`,
    timings: {},
    entryId: id,
    facts: present
      ? { name: title, pid: 42, path: 'C:\\x', instances: 1, importance }
      : { name: title, pid: null, path: null, instances: 0, importance },
  };
}

export function started(planned: PlannedCheck[], runId = RUN): RunEvent {
  return { type: 'run-started', runId, startedAt: '2026-11-25T09:00:00.000Z', planned };
}

export function result(check: CheckResult, runId = RUN): RunEvent {
  return { type: 'check-result', runId, result: check };
}

/** run-finished for a run whose results were these (sent before it, one check-result each). */
export function finished(checks: CheckResult[], cancelled = false, runId = RUN): RunEvent {
  const header: ReportHeader = {
    schema: 'sync-doctor/report@1',
    startedAt: '2026-11-25T09:00:00.000Z',
    durationMs: 1200,
    cancelled,
    catalog: { version: 'v', updated: '2026-11-25', source: 'built-in' },
    platform: { os: 'win32', release: '10', arch: 'x64' },
    summary: summarize(checks),
    // As the engine does (main/engine/engine.ts): the diagnosis of the results, in the header.
    findings: diagnose(checks),
  };
  return { type: 'run-finished', runId, header };
}

/** A whole run as the engine sends it: started, each result, finished. */
export function wholeRun(planned: PlannedCheck[], checks: CheckResult[], cancelled = false, runId = RUN): RunEvent[] {
  return [started(planned, runId), ...checks.map((check) => result(check, runId)), finished(checks, cancelled, runId)];
}

export const APP_INFO: AppInfo = {
  name: 'Sync Doctor',
  version: '0.1.0',
  platform: 'win32',
  arch: 'x64',
  catalog: {
    version: '2026.11.25',
    updated: '2026-11-25',
    source: 'built-in',
    ports: [
      { id: 'port-554', port: 554, protocol: 'tcp', usedBy: 'Streaming (RTSP)', host: 'portquiz.net' },
      { id: 'port-443', port: 443, protocol: 'tcp', usedBy: 'Secure web services', covered: 'servers' },
      { id: 'port-27015', port: 27015, protocol: 'tcp', usedBy: 'Apple Mobile Device Service', covered: 'local' },
    ],
    processes: [
      {
        id: 'mobile-device-service',
        role: 'Lets iTunes recognise a device',
        importance: 'device',
        windows: ['AppleMobileDeviceService.exe'],
      },
      { id: 'photo-processor', role: 'Converts photos', importance: 'background', windows: ['iTunesPhotoProcessor.exe'] },
      { id: 'usbmuxd', role: 'Talks to devices over USB', importance: 'device', mac: ['usbmuxd'] },
    ],
  },
};
