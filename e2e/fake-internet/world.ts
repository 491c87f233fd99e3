import { writeFile } from 'node:fs/promises';
import { builtinCatalog } from '../../app/catalog/builtin';
import type { Catalog } from '../../app/catalog/schema';
import { layersFor, networkItems } from '../../main/runner/chain';
import type { KeyPair } from '../../test-support/certificates';
import { worldCertificates, type WorldCertificates } from './certs';
import { startDnsServer, type DnsQuestion, type DnsReply } from '../../test-support/dns-server';
import { assertInsideTestNamespace, clearFirewall, dropTrafficTo, ensureLoopbackAddresses } from './net-admin';
import { startNtpServer } from '../../test-support/ntp-server';
import { startListener, type HttpAnswer, type ListenerBehaviour } from '../../test-support/web-server';

/** Where the launcher's resolv.conf points. */
const DNS_SERVER_ADDRESS = '198.18.255.53';
/** Where a hosts-file redirect sends a name: an address with nothing listening (like the old jailbreak servers). */
export const REDIRECT_TARGET = '198.18.254.1';
/** Where `hosts-redirect-server` sends a name: a server that answers for itself, with its own certificate. */
export const REDIRECT_SERVER = '198.18.254.2';
/** An address with no route at all in the namespace. */
const UNROUTABLE_ADDRESS = '198.19.255.1';
/** The test CA's organisation (O), which tests pass to --expect-issuer so its certificates count as genuine. */
export const TEST_ISSUER = 'Sync Doctor Test CA';

export type Fault =
  | 'healthy'
  /** Packets dropped: time-outs. */
  | 'drop'
  /** Nothing listens: connections refused (reset). */
  | 'reset'
  /** DNS gives an address with no route. */
  | 'unreachable'
  | 'nxdomain'
  | 'servfail'
  /** The hosts file sends the name to another address. */
  | 'hosts-redirect'
  /** The hosts file sends the name to another server, which answers with a certificate for its own name (a jailbreak tool's signing server). */
  | 'hosts-redirect-server'
  /** The hosts file blocks the name with 0.0.0.0. */
  | 'hosts-block'
  /** HTTPS re-signed by an inspecting product's CA. */
  | 'intercept'
  | 'expired'
  | 'wrong-name'
  | 'untrusted'
  /** Accepts, then never says a word. */
  | 'hang'
  /** Answers with bytes that are neither TLS nor HTTP. */
  | 'garbage'
  /** A proxy's refusal page (403 from Squid). */
  | 'proxy-block'
  /** A redirect to a sign-in page. */
  | 'portal';

export interface Scenario {
  /** Per host name; hosts not named use `defaultFault`. */
  faults?: Record<string, Fault>;
  defaultFault?: Fault;
  /** 'dropped': the DNS server never answers; 'absent': there is no DNS server at all. */
  dns?: 'normal' | 'dropped' | 'absent';
  delays?: { dnsMs?: number; tlsMs?: number; httpMs?: number };
  /** The fake time server's clock minus the real one: makes this computer's clock look off. */
  ntpClockOffsetMs?: number;
}

export interface World {
  /** The address a host name is served on. */
  addressOf(host: string): string;
  /** How many DNS questions the fake DNS server has received: a readiness signal for tests. */
  dnsQueries(): number;
  /** Every DNS question the fake DNS server has received, in order. */
  dnsQuestions(): readonly DnsQuestion[];
  /** How many requests the fake time servers have received. */
  ntpQueries(): number;
  stop(): Promise<void>;
}

interface Target {
  host: string;
  ports: number[];
  udpPorts: number[];
  answer: HttpAnswer;
}

/** Every host the catalog makes the engine contact, with the ports it uses. */
function targetsOf(catalog: Catalog): Target[] {
  const byHost = new Map<string, Target>();
  const add = (host: string, ports: number[], udpPorts: number[] = [], reachable?: number[]) => {
    const target = byHost.get(host) ?? { host, ports: [], udpPorts: [], answer: { status: 200 } };
    target.ports.push(...ports.filter((p) => !target.ports.includes(p)));
    target.udpPorts.push(...udpPorts);
    if (reachable?.[0]) target.answer = { status: reachable[0] };
    byHost.set(host, target);
  };
  for (const item of networkItems(catalog)) {
    if (item.kind === 'server') add(item.host, [item.port], [], item.entry.http?.reachableStatuses);
    if (item.kind === 'port') add(item.host, [item.port]);
    if (item.kind === 'ntp') add(item.host, [], [item.port]);
  }
  return [...byHost.values()];
}

let running: World | undefined;

/** Starts the fake internet for one scenario. One world at a time per namespace. */
export async function startWorld(scenario: Scenario = {}): Promise<World> {
  if (running) throw new Error('A fake internet is already running in this namespace; stop it first.');
  await assertInsideTestNamespace();
  const hostsFile = process.env['SYNC_DOCTOR_TEST_HOSTS_FILE'];
  if (!hostsFile) throw new Error('SYNC_DOCTOR_TEST_HOSTS_FILE is not set: run through e2e/fake-internet/in-netns.mjs');

  const targets = targetsOf(builtinCatalog());
  const addresses = new Map(targets.map((t, i) => [t.host, `198.18.${Math.floor(i / 250)}.${(i % 250) + 1}`]));
  const addressOf = (host: string) => {
    const address = addresses.get(host.toLowerCase());
    if (!address) throw new Error(`${host} is not a host of this world`);
    return address;
  };
  const faultOf = (host: string): Fault => scenario.faults?.[host] ?? scenario.defaultFault ?? 'healthy';
  await ensureLoopbackAddresses([...addresses.values(), DNS_SERVER_ADDRESS, REDIRECT_TARGET, REDIRECT_SERVER]);
  await clearFirewall();

  const certificates = await worldCertificates(targets.map((t) => t.host));
  const closers: (() => Promise<void>)[] = [];
  const ntpCounters: (() => number)[] = [];
  const questions: DnsQuestion[] = [];
  const stopAll = async () => {
    await Promise.allSettled(closers.map((close) => close()));
    await clearFirewall().catch(() => undefined);
    await writeFile(hostsFile, BASE_HOSTS);
  };

  try {
    const hostsLines: string[] = [];
    for (const target of targets) {
      const fault = faultOf(target.host);
      if (fault === 'hosts-redirect') hostsLines.push(`${REDIRECT_TARGET} ${target.host}`);
      if (fault === 'hosts-redirect-server') hostsLines.push(`${REDIRECT_SERVER} ${target.host}`);
      if (fault === 'hosts-block') hostsLines.push(`0.0.0.0 ${target.host}`);
    }
    await writeFile(hostsFile, BASE_HOSTS + hostsLines.map((line) => `${line}\n`).join(''));

    if (scenario.dns !== 'absent') {
      const dns = await startDnsServer({
        address: DNS_SERVER_ADDRESS,
        ...(scenario.delays?.dnsMs ? { delayMs: scenario.delays.dnsMs } : {}),
        answer: (name, question): DnsReply => {
          questions.push(question);
          if (scenario.dns === 'dropped') return { kind: 'drop' };
          const target = targets.find((t) => t.host === name);
          if (!target) return { kind: 'nxdomain' };
          const fault = faultOf(name);
          if (fault === 'nxdomain') return { kind: 'nxdomain' };
          if (fault === 'servfail') return { kind: 'servfail' };
          return { kind: 'answer', addresses: [fault === 'unreachable' ? UNROUTABLE_ADDRESS : addressOf(name)] };
        },
      });
      closers.push(dns.close);
    }

    const dropped: string[] = [];
    for (const target of targets) {
      const fault = faultOf(target.host);
      const address = addressOf(target.host);
      if (fault === 'drop') {
        dropped.push(address);
        continue;
      }
      if (fault === 'reset' || fault === 'unreachable' || fault === 'nxdomain' || fault === 'servfail') continue;
      for (const port of target.ports) {
        const listener = await startListener({
          address,
          port,
          behaviour: behaviourFor(fault, port, target, certificates),
          ...(scenario.delays?.tlsMs ? { tlsDelayMs: scenario.delays.tlsMs } : {}),
          ...(scenario.delays?.httpMs ? { httpDelayMs: scenario.delays.httpMs } : {}),
        });
        closers.push(listener.close);
      }
      if (target.udpPorts.includes(123)) {
        const ntp = await startNtpServer({
          address,
          garbage: fault === 'garbage',
          ...(scenario.ntpClockOffsetMs ? { clockOffsetMs: scenario.ntpClockOffsetMs } : {}),
        });
        closers.push(ntp.close);
        ntpCounters.push(ntp.queries);
      }
    }
    if (targets.some((target) => faultOf(target.host) === 'hosts-redirect-server')) {
      for (const behaviour of redirectServerBehaviours(certificates)) {
        const listener = await startListener({ address: REDIRECT_SERVER, ...behaviour });
        closers.push(listener.close);
      }
    }
    await dropTrafficTo(dropped);
  } catch (error) {
    await stopAll();
    throw error;
  }

  const world: World = {
    addressOf,
    dnsQueries: () => questions.length,
    dnsQuestions: () => questions,
    ntpQueries: () => ntpCounters.reduce((sum, count) => sum + count(), 0),
    stop: async () => {
      await stopAll();
      running = undefined;
    },
  };
  running = world;
  return world;
}

const BASE_HOSTS = '127.0.0.1 localhost\n::1 localhost ip6-localhost\n';

/** The other server behind `hosts-redirect-server`: it answers HTTP, and HTTPS with a certificate for another name. */
function redirectServerBehaviours(certs: WorldCertificates): { port: number; behaviour: ListenerBehaviour }[] {
  const answer: HttpAnswer = { status: 200 };
  return [
    { port: 80, behaviour: { kind: 'http', answer } },
    { port: 443, behaviour: { kind: 'https', cert: certs.wrongName.cert, key: certs.wrongName.key, answer } },
  ];
}

function behaviourFor(fault: Fault, port: number, target: Target, certs: WorldCertificates): ListenerBehaviour {
  const { answer } = target;
  if (fault === 'hang') return { kind: 'hang' };
  if (fault === 'garbage') return { kind: 'garbage' };
  const { tls: isTls, http: isHttp } = layersFor(port);
  if (!isTls && !isHttp) return { kind: 'accept' };
  const httpAnswer: HttpAnswer =
    fault === 'proxy-block'
      ? { status: 403, headers: { Server: 'squid/5.7', 'X-Squid-Error': 'ERR_ACCESS_DENIED 0', Via: '1.1 proxy.corp.example (squid/5.7)' } }
      : fault === 'portal'
        ? { status: 302, headers: { Location: 'http://login.portal.example/?continue=apple' } }
        : answer;
  if (!isTls) return { kind: 'http', answer: httpAnswer };
  const genuine = certs.genuine.get(target.host);
  if (!genuine) throw new Error(`No certificate was made for ${target.host}`);
  const pair: KeyPair =
    {
      healthy: genuine,
      intercept: certs.intercepted,
      expired: certs.expired,
      'wrong-name': certs.wrongName,
      untrusted: certs.untrusted,
    }[fault as 'healthy' | 'intercept' | 'expired' | 'wrong-name' | 'untrusted'] ?? genuine;
  return isHttp ? { kind: 'https', cert: pair.cert, key: pair.key, answer: httpAnswer } : { kind: 'tls', cert: pair.cert, key: pair.key };
}
