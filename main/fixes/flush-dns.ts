import { linuxCommand, macCommand, windowsCommand } from './commands';
import type { FixDefinition, FixEnvironment, PreparedFix } from './definition';
import { blockedFix, commandFix } from './steps';

export const flushDns: FixDefinition = {
  id: 'flush-dns',
  answers: ['hosts-file-redirect', 'dns-filter'],
  title: 'Flush the DNS cache',
  changes: 'Forgets the name lookups this computer remembers, so it asks again (after a hosts-file or DNS change). Nothing else changes.',
  platforms: ['windows', 'mac', 'linux'],
  undoable: false,
  guidance: false,
  needsAdmin: (os) => os !== 'windows',
  recheck: [],
  prepare: async (env) => {
    switch (env.os) {
      case 'windows': {
        const ipconfig = windowsCommand('ipconfig', env);
        if (!ipconfig.ok) return blockedFix(`Cannot run here: ${ipconfig.why}.`, [], 'failed');
        return commandFix([{ argv: [ipconfig.path, '/flushdns'], purpose: "Empty Windows' DNS cache." }], false, env.run, env.signal);
      }
      case 'mac':
        return commandFix(
          [
            { argv: [macCommand('dscacheutil').path, '-flushcache'], purpose: 'Empty the directory service cache.' },
            {
              argv: [macCommand('killall').path, '-HUP', 'mDNSResponder'],
              purpose: 'Tell mDNSResponder, which caches DNS answers, to forget them.',
            },
          ],
          true,
          env.run,
          env.signal,
        );
      case 'linux':
        return linuxFlush(env);
      case 'other':
        return blockedFix('Sync Doctor does not know how to flush the DNS cache on this operating system.');
    }
  },
};

/** Only systemd-resolved keeps a cache worth flushing; glibc reads the hosts file on every lookup. */
async function linuxFlush(env: FixEnvironment): Promise<PreparedFix> {
  const systemctl = linuxCommand('systemctl', env);
  const resolvectl = linuxCommand('resolvectl', env);
  const noCache =
    'systemd-resolved is not running here, so there is no DNS cache to flush: every lookup already reads the hosts file afresh.';
  if (!systemctl.ok || !resolvectl.ok) return blockedFix(noCache);
  const active = await env.run(systemctl.path, ['is-active', '--quiet', 'systemd-resolved'], { signal: env.signal, timeoutMs: 10_000 });
  if (active.kind !== 'ran' || active.exitCode !== 0) return blockedFix(noCache);
  return commandFix(
    [{ argv: [resolvectl.path, 'flush-caches'], purpose: "Empty systemd-resolved's DNS cache." }],
    true,
    env.run,
    env.signal,
  );
}
