import { describe, expect, it } from 'vitest';
import { builtinCatalog } from '../../app/catalog/builtin';
import type { Catalog } from '../../app/catalog/schema';
import { hostsToResolve, serverChainLength } from './chain';
import { networkTasks } from './network-plan';

describe('serverChainLength', () => {
  it('counts the exchanges each port waits for in turn', () => {
    expect(serverChainLength(443)).toBe(4); // DNS, TCP, TLS, HTTP
    expect(serverChainLength(5223)).toBe(3); // DNS, TCP, TLS
    expect(serverChainLength(80)).toBe(3); // DNS, TCP, HTTP
    expect(serverChainLength(5224)).toBe(2);
  });
});

describe('hostsToResolve', () => {
  const catalog = builtinCatalog();

  it('names every host the network checks look up, once, and nothing else', () => {
    const hosts = hostsToResolve(catalog);
    const looked = new Set(networkTasks(catalog).flatMap((task) => (task.planned.host ? [task.planned.host.toLowerCase()] : [])));
    looked.delete('*.amazonaws.com'); // untestable: never looked up
    expect(new Set(hosts)).toEqual(looked);
    expect(hosts).toHaveLength(new Set(hosts).size);
  });

  it('puts the hosts with a TLS and HTTP chain first, keeping catalog order among equals', () => {
    const hosts = hostsToResolve(catalog);
    const firstShort = hosts.findIndex((host) => host === 'portquiz.net' || host === 'time.apple.com' || host === 's.symcb.com');
    const tlsHosts = catalog.servers.filter((s) => !s.untestable && s.ports.includes(443)).map((s) => (s.host ?? s.pattern).toLowerCase());
    expect(hosts.slice(0, tlsHosts.length)).toEqual([...new Set(tlsHosts)]);
    expect(firstShort).toBeGreaterThanOrEqual(tlsHosts.length);
  });

  it('takes a host’s longest chain when several checks share it', () => {
    const shared: Catalog = {
      ...catalog,
      servers: [
        { id: 'plain', pattern: 'a.example', purpose: 'x', ports: [80] },
        { id: 'secure', pattern: 'b.example', purpose: 'x', ports: [80, 443] },
      ],
      ports: [{ id: 'p', port: 5224, protocol: 'tcp', usedBy: 'x', host: 'A.example' }],
    };
    delete (shared as { ntp?: unknown }).ntp;
    expect(hostsToResolve(shared)).toEqual(['b.example', 'a.example']);
  });
});
