import type { Listener } from './types';

/**
 * Parses macOS `lsof -nP -iTCP -sTCP:LISTEN -iUDP +c 0 -F pcPn` (field output: one field a line,
 * the first character names it: p pid, c command, f file descriptor, P protocol, n name). The
 * field format is documented and does not change with the language. Pure.
 */
export function parseLsofFields(text: string): Listener[] {
  const listeners: Listener[] = [];
  let pid: number | null = null;
  let command: string | undefined;
  let protocol: 'tcp' | 'udp' | undefined;
  for (const line of text.split(/\r?\n/)) {
    const field = line.charAt(0);
    const value = line.slice(1);
    switch (field) {
      case 'p':
        pid = /^\d+$/.test(value) ? Number(value) : null;
        command = undefined;
        protocol = undefined;
        break;
      case 'c':
        command = value.replace(/\\x([0-9a-f]{2})/gi, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
        break;
      case 'f':
        protocol = undefined;
        break;
      case 'P':
        protocol = value.toUpperCase() === 'TCP' ? 'tcp' : value.toUpperCase() === 'UDP' ? 'udp' : undefined;
        break;
      case 'n': {
        if (!protocol || value.includes('->')) break; // connected sockets are not listeners
        const match = /^\[?([^\]]*?)\]?:(\d{1,5})$/.exec(value);
        if (!match) break;
        const port = Number(match[2]);
        if (port > 65535) break;
        listeners.push({ protocol, address: match[1] ?? '*', port, pid, ...(command ? { command } : {}) });
        break;
      }
      default:
        break;
    }
  }
  return listeners;
}
