import net from 'node:net';
import { globMatches } from '../platform/wildcard';

/**
 * Whether `host` is excluded from the proxy by a bypass list: NO_PROXY ("a.com,.b.com,*"),
 * Windows ProxyOverride ("<local>;*.corp;10.*") or macOS ExceptionsList ("*.local", "169.254/16").
 * Pure.
 */
export function bypasses(list: readonly string[], host: string, port: number): boolean {
  const name = host.toLowerCase().replace(/\.$/, '');
  for (const raw of list) {
    let rule = raw.trim().toLowerCase();
    if (rule === '') continue;
    if (rule === '*') return true;
    if (rule === '<local>') {
      if (!name.includes('.') && !net.isIP(name)) return true;
      continue;
    }
    const portMatch = /^(.*[^:]):(\d+)$/.exec(rule);
    if (portMatch && !rule.includes('::')) {
      if (Number(portMatch[2]) !== port) continue;
      rule = portMatch[1]!;
    }
    if (rule.includes('/') && net.isIP(name) === 4 && inCidr(name, rule)) return true;
    // As in Windows and Chromium, a "*" here may span dots ("10.*", "*.corp", "*intranet*").
    if (rule.includes('*')) {
      if (globMatches(rule, name)) return true;
      continue;
    }
    const bare = rule.replace(/^\./, '');
    if (name === bare || name.endsWith(`.${bare}`)) return true;
  }
  return false;
}

function inCidr(address: string, rule: string): boolean {
  const [base = '', bitsText = ''] = rule.split('/');
  const bits = Number(bitsText);
  const parts = base.split('.').map(Number);
  while (parts.length < 4) parts.push(0); // macOS writes "169.254/16"
  if (!Number.isInteger(bits) || bits < 0 || bits > 32 || parts.length > 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) {
    return false;
  }
  const toInt = (octets: number[]) => octets.reduce((acc, octet) => ((acc << 8) | octet) >>> 0, 0);
  const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
  return (toInt(address.split('.').map(Number)) & mask) >>> 0 === (toInt(parts) & mask) >>> 0;
}
