import type { Listener } from './types';

/**
 * Parses Windows `netstat -ano`. The headings and the state word are translated ("LISTENING",
 * "ABHÖREN", "À L'ÉCOUTE"...), so a TCP listener is recognised the language-free way: its
 * foreign address is 0.0.0.0:0 or [::]:0. Every UDP row is a bound socket. Pure.
 */
export function parseNetstat(text: string): Listener[] {
  const listeners: Listener[] = [];
  for (const line of text.split(/\r?\n/)) {
    const fields = line.trim().split(/\s+/);
    const proto = fields[0]?.toUpperCase();
    if (proto !== 'TCP' && proto !== 'UDP') continue;
    const local = splitEndpoint(fields[1] ?? '');
    const pidText = fields[fields.length - 1] ?? '';
    if (!local || !/^\d+$/.test(pidText)) continue;
    if (proto === 'TCP') {
      const foreign = fields[2] ?? '';
      if ((foreign !== '0.0.0.0:0' && foreign !== '[::]:0') || fields.length < 5) continue;
    }
    listeners.push({ protocol: proto === 'TCP' ? 'tcp' : 'udp', address: local.address, port: local.port, pid: Number(pidText) });
  }
  return listeners;
}

function splitEndpoint(text: string): { address: string; port: number } | undefined {
  const match = /^\[?([^\]]*?)\]?:(\d{1,5})$/.exec(text);
  if (!match) return undefined;
  const port = Number(match[2]);
  return port <= 65535 ? { address: (match[1] ?? '').replace(/%\d+$/, ''), port } : undefined;
}
