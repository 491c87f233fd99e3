import type { Listener } from './types';

/**
 * Parses Linux's /proc/net/{tcp,tcp6,udp,udp6}. Listening TCP sockets have state 0A; bound UDP
 * sockets are state 07. Addresses are hex in the kernel's (little-endian) word order. Pure: lines
 * that do not fit are skipped. Returns each socket with its inode (pid comes from /proc/<pid>/fd).
 */
export function parseProcNet(text: string, protocol: 'tcp' | 'udp', ipv6: boolean): (Listener & { inode: number })[] {
  const wantState = protocol === 'tcp' ? '0A' : '07';
  const sockets: (Listener & { inode: number })[] = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 10) continue;
    const [, local = '', , state = '', , , , , , inodeText = ''] = fields;
    if (state.toUpperCase() !== wantState) continue;
    const [hexAddress = '', hexPort = ''] = local.split(':');
    const port = Number.parseInt(hexPort, 16);
    const inode = Number(inodeText);
    const address = ipv6 ? hexToIpv6(hexAddress) : hexToIpv4(hexAddress);
    if (!address || !Number.isInteger(port) || port < 0 || port > 65535 || !Number.isInteger(inode)) continue;
    sockets.push({ protocol, address, port, pid: null, inode });
  }
  return sockets;
}

function hexToIpv4(hex: string): string | undefined {
  if (!/^[0-9a-f]{8}$/i.test(hex)) return undefined;
  const bytes = Buffer.from(hex, 'hex');
  return [bytes[3], bytes[2], bytes[1], bytes[0]].join('.');
}

function hexToIpv6(hex: string): string | undefined {
  if (!/^[0-9a-f]{32}$/i.test(hex)) return undefined;
  const words: string[] = [];
  for (let i = 0; i < 4; i++) {
    const word = Buffer.from(hex.slice(i * 8, i * 8 + 8), 'hex').reverse();
    words.push(word.readUInt16BE(0).toString(16), word.readUInt16BE(2).toString(16));
  }
  const full = words.join(':');
  if (full.startsWith('0:0:0:0:0:ffff:')) return hexToIpv4(hex.slice(24)) ?? full; // IPv4-mapped
  return compressIpv6(words);
}

function compressIpv6(words: string[]): string {
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < words.length;) {
    if (words[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < words.length && words[j] === '0') j++;
    if (j - i > bestLength) [bestStart, bestLength] = [i, j - i];
    i = j;
  }
  if (bestLength < 2) return words.join(':');
  return `${words.slice(0, bestStart).join(':')}::${words.slice(bestStart + bestLength).join(':')}`;
}
