// Main's side of window.syncDoctor for renderer tests: the IPC edge, answering as main would when
// nothing has run; tests override what they need and push run events.
import { vi } from 'vitest';
import type { RunEvent } from '../app/contract/check';
import type { SyncDoctorApi } from '../app/ipc/contract';
import { APP_INFO } from './test-fixtures';

export function fakeApi(overrides: Partial<SyncDoctorApi> = {}): SyncDoctorApi & { push(event: RunEvent): void } {
  const listeners = new Set<(event: RunEvent) => void>();
  return {
    startCheck: vi.fn(() => Promise.resolve({ ok: true as const, runId: 'run-1' })),
    cancelCheck: vi.fn(() => Promise.resolve({ cancelled: true })),
    onRunEvent: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    appInfo: () => Promise.resolve(APP_INFO),
    openLink: vi.fn(() => Promise.resolve({ opened: true })),
    previewReport: vi.fn(() => Promise.resolve({ ok: false as const, why: 'no-report' as const, message: 'No run.' })),
    saveReport: vi.fn(() => Promise.resolve({ outcome: 'cancelled' as const })),
    copyReportForForum: vi.fn(() => Promise.resolve({ outcome: 'failed' as const, why: 'no-report' as const, message: 'No run.' })),
    listFixes: vi.fn(() => Promise.resolve({ ok: false as const, why: 'no-run' as const, message: 'No check has run yet.' })),
    previewFix: vi.fn(() => Promise.resolve({ ok: false as const, why: 'no-run' as const, message: 'No check has run yet.' })),
    applyFix: vi.fn(() => Promise.resolve({ ok: false as const, why: 'no-run' as const, message: 'No check has run yet.' })),
    rerunChecks: vi.fn(() => Promise.resolve({ ok: false as const, why: 'no-run' as const, message: 'No check has run yet.' })),
    push: (event) => listeners.forEach((listener) => listener(event)),
    ...overrides,
  };
}
