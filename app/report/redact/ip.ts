// Enough of IPv4 and IPv6 to tell this computer's private and link-local addresses from the
// public ones the diagnosis needs. Pure, no Node: app/ is shared with the renderer.

export type AddressClass = 'private' | 'link-local' | 'loopback' | 'unspecified' | 'public';

/** The four octets, or undefined when the text is not a dotted-quad IPv4 address. */
export function parseIPv4(text: string): number[] | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const octets: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || (part.length > 1 && part.startsWith('0'))) return undefined;
    const value = Number(part);
    if (value > 255) return undefined;
    octets.push(value);
  }
  return octets;
}

export function classifyIPv4(octets: readonly number[]): AddressClass {
  const [a = 0, b = 0] = octets;
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168)) return 'private';
  // 100.64.0.0/10: carrier-grade NAT, as local to a home or office as the RFC 1918 ranges.
  if (a === 100 && b >= 64 && b <= 127) return 'private';
  if (a === 169 && b === 254) return 'link-local';
  if (a === 127) return 'loopback';
  if (octets.every((octet) => octet === 0)) return 'unspecified';
  return 'public';
}

/** The eight 16-bit groups, or undefined when the text is not an IPv6 address (a zone "%en0" is allowed). */
export function parseIPv6(text: string): number[] | undefined {
  const address = text.replace(/%[0-9A-Za-z_.-]+$/, '');
  if (!/^[0-9A-Fa-f:.]+$/.test(address) || !address.includes(':')) return undefined;
  const halves = address.split('::');
  if (halves.length > 2) return undefined;
  const groupsOf = (part: string): number[] | undefined => {
    if (part === '') return [];
    const groups: number[] = [];
    const pieces = part.split(':');
    for (const [index, piece] of pieces.entries()) {
      if (index === pieces.length - 1 && piece.includes('.')) {
        const v4 = parseIPv4(piece);
        if (!v4) return undefined;
        groups.push(((v4[0] ?? 0) << 8) | (v4[1] ?? 0), ((v4[2] ?? 0) << 8) | (v4[3] ?? 0));
      } else {
        if (!/^[0-9A-Fa-f]{1,4}$/.test(piece)) return undefined;
        groups.push(Number.parseInt(piece, 16));
      }
    }
    return groups;
  };
  const head = groupsOf(halves[0] ?? '');
  const tail = halves.length === 2 ? groupsOf(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return undefined;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}

export function classifyIPv6(groups: readonly number[]): AddressClass {
  const first = groups[0] ?? 0;
  if ((first & 0xffc0) === 0xfe80) return 'link-local';
  if ((first & 0xfe00) === 0xfc00) return 'private';
  if (groups.slice(0, 7).every((group) => group === 0)) {
    if (groups[7] === 1) return 'loopback';
    if (groups[7] === 0) return 'unspecified';
  }
  // ::ffff:a.b.c.d carries an IPv4 address: judge that one.
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    const [high = 0, low = 0] = groups.slice(6);
    return classifyIPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  }
  return 'public';
}

/** One spelling per address, so "FE80::1%en0" and "fe80:0:0:0:0:0:0:1" are the same value. */
export function canonicalAddress(text: string): string | undefined {
  const v4 = parseIPv4(text);
  if (v4) return v4.join('.');
  const v6 = parseIPv6(text);
  return v6 ? v6.map((group) => group.toString(16)).join(':') : undefined;
}
