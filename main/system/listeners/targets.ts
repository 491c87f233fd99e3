import type { Catalog } from '../../../app/catalog/schema';
import type { SystemOs } from '../../platform/system-os';

export interface ListenerTarget {
  entryId?: string;
  port: number;
  protocol: 'tcp' | 'udp';
  usedBy: string;
  /** Executables expected to hold the port, per OS; absent: nobody in particular. */
  expected: Partial<Record<SystemOs, string[]>>;
  /** Only loopback is expected (27015): anything listening on all interfaces is odd. */
  loopbackOnly?: boolean;
  /** On these OSes the port must be held by an expected program, or the device goes unseen. */
  required?: SystemOs[];
  /**
   * Others may legitimately share the port (mDNS on 5353: Chrome, Windows' DNS client): another
   * holder is only reported, not a finding.
   */
  shared?: boolean;
}

/** Who should be behind each local port of the catalog (the catalog says which ports; this says who). */
const OWNERS: Record<string, Omit<ListenerTarget, 'port' | 'protocol' | 'usedBy' | 'entryId'>> = {
  'tcp/27015': {
    expected: { windows: ['AppleMobileDeviceService.exe', 'AppleMobileDeviceProcess.exe'] },
    loopbackOnly: true,
    required: ['windows'],
  },
  'tcp/3689': { expected: { windows: ['iTunes.exe'], mac: ['Music', 'iTunes', 'AMPLibraryAgent'] } },
  'udp/5353': { expected: { windows: ['mDNSResponder.exe'], mac: ['mDNSResponder'] }, shared: true },
  'udp/5350': { expected: {}, shared: true },
  'udp/5351': { expected: {}, shared: true },
  'tcp/1900': { expected: {}, shared: true },
};

/** The catalog's local ports ("covered": "local"), each with who is expected to hold it. */
export function listenerTargets(catalog: Catalog): ListenerTarget[] {
  return catalog.ports
    .filter((entry) => entry.covered === 'local')
    .map((entry) => ({
      entryId: entry.id,
      port: entry.port,
      protocol: entry.protocol,
      usedBy: entry.usedBy,
      ...(OWNERS[`${entry.protocol}/${entry.port}`] ?? { expected: {} }),
    }));
}
