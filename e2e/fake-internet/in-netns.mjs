#!/usr/bin/env node
// Runs a command inside a fresh network namespace that is the tests' whole internet: only
// loopback exists there, DNS points at the fake DNS server the tests start, and a test CA (plus
// an "interception" CA) is generated for the fake HTTPS servers. The namespace, its /etc/netns
// files and the CA folder are removed when the command ends.
//
//   node e2e/fake-internet/in-netns.mjs <command> [args...]
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import selfsigned from 'selfsigned';

const DNS_SERVER_ADDRESS = '198.18.255.53';

const command = process.argv.slice(2);
if (command.length === 0) {
  console.error('usage: node e2e/fake-internet/in-netns.mjs <command> [args...]');
  process.exit(2);
}
if (process.getuid?.() !== 0) {
  console.error('The fake internet needs root (network namespaces). Run the tests as root, as CI does.');
  process.exit(2);
}

removeStaleNamespaces();
const name = `sd-${process.pid}-${Math.random().toString(36).slice(2, 6)}`;
const etcDir = `/etc/netns/${name}`;
const caDir = mkdtempSync(path.join(tmpdir(), 'sync-doctor-ca-'));
let cleaned = false;

function cleanup() {
  if (cleaned) return;
  cleaned = true;
  try {
    const pids = execFileSync('ip', ['netns', 'pids', name], { encoding: 'utf8' }).split(/\s+/).filter(Boolean);
    for (const pid of pids) {
      try {
        process.kill(Number(pid), 'SIGKILL');
      } catch {
        // already gone
      }
    }
  } catch {
    // namespace never came up
  }
  try {
    execFileSync('ip', ['netns', 'del', name], { stdio: 'ignore' });
  } catch {
    // already gone
  }
  rmSync(etcDir, { recursive: true, force: true });
  rmSync(caDir, { recursive: true, force: true });
}

try {
  execFileSync('ip', ['netns', 'add', name]);
  execFileSync('ip', ['-n', name, 'link', 'set', 'lo', 'up']);
  mkdirSync(etcDir, { recursive: true });
  writeFileSync(path.join(etcDir, 'resolv.conf'), `# Sync Doctor test namespace: the fake DNS server\nnameserver ${DNS_SERVER_ADDRESS}\n`);
  writeFileSync(path.join(etcDir, 'hosts'), '127.0.0.1 localhost\n::1 localhost ip6-localhost\n');
  await writeCertificateAuthorities(caDir);
} catch (error) {
  console.error(`Could not set up the test network namespace: ${error.message}`);
  cleanup();
  process.exit(2);
}

const child = spawn('ip', ['netns', 'exec', name, ...command], {
  stdio: 'inherit',
  env: {
    ...process.env,
    SYNC_DOCTOR_TEST_NETNS: name,
    SYNC_DOCTOR_TEST_CA_DIR: caDir,
    SYNC_DOCTOR_TEST_HOSTS_FILE: path.join(etcDir, 'hosts'),
    NODE_EXTRA_CA_CERTS: path.join(caDir, 'ca.pem'),
  },
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  cleanup();
  process.exit(code ?? (signal ? 1 : 0));
});

async function writeCertificateAuthorities(dir) {
  const now = Date.now();
  const options = (extra) => ({
    keyType: 'ec',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 86_400_000),
    notAfterDate: new Date(now + 10 * 365 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
    ...extra,
  });
  const testCa = await selfsigned.generate(
    [
      { name: 'commonName', value: 'Sync Doctor Test Root CA' },
      { name: 'organizationName', value: 'Sync Doctor Test CA' },
    ],
    options(),
  );
  // Stands for a security product's root that re-signs HTTPS traffic.
  const interceptCa = await selfsigned.generate(
    [
      { name: 'commonName', value: 'Contoso Web Shield Root CA' },
      { name: 'organizationName', value: 'Contoso Security' },
    ],
    options(),
  );
  writeFileSync(path.join(dir, 'ca.pem'), testCa.cert);
  writeFileSync(path.join(dir, 'ca-key.pem'), testCa.private);
  writeFileSync(path.join(dir, 'intercept-ca.pem'), interceptCa.cert);
  writeFileSync(path.join(dir, 'intercept-ca-key.pem'), interceptCa.private);
  writeFileSync(path.join(dir, 'both-cas.pem'), testCa.cert + interceptCa.cert);
}

/** Namespaces left by a run that was killed: named sd-<pid>-…, whose pid is gone. */
function removeStaleNamespaces() {
  let names = [];
  try {
    names = readdirSync('/run/netns').filter((n) => /^sd-\d+-/.test(n));
  } catch {
    return;
  }
  for (const stale of names) {
    const pid = Number(stale.split('-')[1]);
    try {
      process.kill(pid, 0);
      continue; // its launcher is still running
    } catch {
      // dead: clean up
    }
    try {
      execFileSync('ip', ['netns', 'del', stale], { stdio: 'ignore' });
    } catch {
      // ignore
    }
    rmSync(`/etc/netns/${stale}`, { recursive: true, force: true });
  }
}
