import type { Trouble } from '../../platform/exec';

export interface Listener {
  protocol: 'tcp' | 'udp';
  /** Local address as the OS shows it ("127.0.0.1", "0.0.0.0", "::", "*"). */
  address: string;
  port: number;
  /** Null when the OS did not say (another user's process without the rights to see it). */
  pid: number | null;
  /** The program, when the source names it (lsof); otherwise found from the pid. */
  command?: string;
}

export type ListenerScan = { kind: 'scanned'; listeners: Listener[]; source: string; note?: string } | Trouble;
