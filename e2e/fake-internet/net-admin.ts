import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Refuses to touch the network unless this process runs inside the namespace the launcher made:
 * the fixture adds addresses and firewall rules, which must never land on the real machine.
 */
export async function assertInsideTestNamespace(): Promise<string> {
  const expected = process.env['SYNC_DOCTOR_TEST_NETNS'];
  if (!expected) {
    throw new Error('Not inside the test network namespace: run through `node e2e/fake-internet/in-netns.mjs <command>`.');
  }
  const { stdout } = await run('ip', ['netns', 'identify', String(process.pid)]);
  if (stdout.trim() !== expected) {
    throw new Error(`This process is in namespace "${stdout.trim()}", not the test namespace "${expected}".`);
  }
  return expected;
}

/** Adds the addresses to loopback (only those missing), in one `ip -batch` call. */
export async function ensureLoopbackAddresses(addresses: readonly string[]): Promise<void> {
  const { stdout } = await run('ip', ['-4', '-o', 'addr', 'show', 'dev', 'lo']);
  const present = new Set([...stdout.matchAll(/inet (\d+\.\d+\.\d+\.\d+)\//g)].map((m) => m[1]));
  const missing = addresses.filter((address) => !present.has(address));
  if (missing.length === 0) return;
  const batch = missing.map((address) => `addr add ${address}/32 dev lo`).join('\n');
  await new Promise<void>((resolve, reject) => {
    const child = execFile('ip', ['-batch', '-'], (error) => (error ? reject(error) : resolve()));
    child.stdin?.end(`${batch}\n`);
  });
}

/** Silently drops every packet to these addresses: connections and queries time out. */
export async function dropTrafficTo(addresses: readonly string[]): Promise<void> {
  for (const address of addresses) {
    await run('iptables', ['-w', '-A', 'INPUT', '-d', address, '-j', 'DROP']);
  }
}

export async function clearFirewall(): Promise<void> {
  await run('iptables', ['-w', '-F', 'INPUT']);
}
