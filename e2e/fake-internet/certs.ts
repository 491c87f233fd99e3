import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { leafCertificate, type KeyPair } from '../../test-support/certificates';

export interface WorldCertificates {
  /** From the test CA, one per host naming only that host, as real servers present. */
  genuine: ReadonlyMap<string, KeyPair>;
  /** From the "Contoso Web Shield" CA: what an HTTPS-inspecting product presents. */
  intercepted: KeyPair;
  /** From the test CA, but expired a year ago. */
  expired: KeyPair;
  /** From the test CA, for another name. */
  wrongName: KeyPair;
  /** Self-signed, not from any trusted CA. */
  untrusted: KeyPair;
}

const DAY = 86_400_000;
let cached: Promise<WorldCertificates> | undefined;

/** Leaf certificates for the fake servers, made once per process from the launcher's CAs. */
export function worldCertificates(hosts: readonly string[]): Promise<WorldCertificates> {
  cached ??= makeCertificates(hosts);
  return cached;
}

function caDir(): string {
  const dir = process.env['SYNC_DOCTOR_TEST_CA_DIR'];
  if (!dir) throw new Error('SYNC_DOCTOR_TEST_CA_DIR is not set: run the tests through e2e/fake-internet/in-netns.mjs');
  return dir;
}

async function makeCertificates(hosts: readonly string[]): Promise<WorldCertificates> {
  const dir = caDir();
  const read = (name: string) => readFile(path.join(dir, name), 'utf8');
  const testCa = { cert: await read('ca.pem'), key: await read('ca-key.pem') };
  const interceptCa = { cert: await read('intercept-ca.pem'), key: await read('intercept-ca-key.pem') };
  const now = Date.now();
  const genuine = Promise.all(
    hosts.map(async (host): Promise<[string, KeyPair]> => [
      host,
      await leafCertificate([host], testCa, now - DAY, now + 365 * DAY, 'Fake Apple'),
    ]),
  );
  const [perHost, intercepted, expired, wrongName, untrusted] = await Promise.all([
    genuine,
    leafCertificate(hosts, interceptCa, now - DAY, now + 365 * DAY, 'Contoso Security'),
    leafCertificate(hosts, testCa, now - 730 * DAY, now - 365 * DAY, 'Fake Apple'),
    leafCertificate(['wrong.example.net'], testCa, now - DAY, now + 365 * DAY, 'Fake Apple'),
    // Self-signed under the test CA's name: the issuer looks right but nothing vouches for it.
    leafCertificate(hosts, undefined, now - DAY, now + 365 * DAY, 'Sync Doctor Test CA'),
  ]);
  return { genuine: new Map(perHost), intercepted, expired, wrongName, untrusted };
}
