import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { builtinCatalog } from '../../../app/catalog/builtin';
import { runCommand, type RunCommand } from '../../platform/exec';
import { fixture } from '../fixtures/load';
import { normalizeProcesses, sharedProcessList, type ProcessList } from '../processes/list';
import { startNamedProcess, type NamedProcess } from '../../../test-support/named-process';
import { scanLinux } from './linux';
import { parseLsofFields } from './lsof';
import { parseNetstat } from './netstat';
import { parseProcNet } from './proc-net';
import { listenerScanner, sharedScan } from './scan';
import { listenerTargets, type ListenerTarget } from './targets';
import { judgeListener, listenerTasks } from './tasks';
import type { ListenerScan } from './types';

const targets = listenerTargets(builtinCatalog());
const target = (protocol: 'tcp' | 'udp', port: number) => targets.find((t) => t.port === port && t.protocol === protocol)!;
const signal = () => AbortSignal.timeout(10_000);
const scanned = (listeners: ReturnType<typeof parseNetstat>, source = 'fixture'): ListenerScan => ({ kind: 'scanned', listeners, source });
const windowsProcesses: ProcessList = {
  kind: 'listed',
  processes: normalizeProcesses([
    { pid: 3904, name: 'AppleMobileDeviceService.exe' },
    { pid: 7344, name: 'iTunes.exe' },
    { pid: 3964, name: 'mDNSResponder.exe' },
    { pid: 2140, name: 'svchost.exe' },
    { pid: 5512, name: 'NoxVMHandle.exe' },
    { pid: 4188, name: 'AppleMobileDeviceProcess.exe' },
  ]),
};

describe('Windows netstat -ano (captured, several languages)', () => {
  it('finds listeners by the foreign address, not the translated state word', () => {
    const en = parseNetstat(fixture('windows', 'netstat-ano-en-us.txt'));
    expect(en.filter((l) => l.protocol === 'tcp').map((l) => `${l.address}:${l.port}/${l.pid}`)).toEqual([
      '0.0.0.0:135/1012',
      '0.0.0.0:445/4',
      '0.0.0.0:3689/7344',
      '0.0.0.0:5040/6120',
      '0.0.0.0:49664/768',
      '127.0.0.1:5354/3964',
      '127.0.0.1:27015/3904',
      '192.168.1.23:139/4',
      ':::135/1012',
      ':::3689/7344',
      '::1:49669/3236',
    ]);
    expect(en.filter((l) => l.protocol === 'udp' && l.port === 5353).map((l) => l.pid)).toEqual([3964, 2140, 3964]);
    expect(en.find((l) => l.port === 1900 && l.address.startsWith('fe80'))?.address).toBe('fe80::1c2d:3e4f:5a6b:7c8d');
    const de = parseNetstat(fixture('windows', 'netstat-ano-de-de.txt'));
    expect(de.map((l) => `${l.protocol}/${l.port}/${l.pid}`)).toEqual(['tcp/135/988', 'tcp/27015/5512', 'tcp/135/988', 'udp/5353/2012']);
    expect(parseNetstat(fixture('windows', 'netstat-ano-fr-fr.txt')).filter((l) => l.port === 27015)).toHaveLength(1);
  });

  it('judges 27015: the device service on loopback is fine', () => {
    const listeners = parseNetstat(fixture('windows', 'netstat-ano-en-us.txt'));
    expect(judgeListener(target('tcp', 27015), 'windows', scanned(listeners), windowsProcesses)).toMatchObject({
      status: 'ok',
      facts: { pid: 3904, program: 'AppleMobileDeviceService.exe', address: '127.0.0.1' },
    });
    const fr = parseNetstat(fixture('windows', 'netstat-ano-fr-fr.txt'));
    expect(judgeListener(target('tcp', 27015), 'windows', scanned(fr), windowsProcesses)).toMatchObject({
      status: 'ok',
      facts: { pid: 4188 },
    });
  });

  it('names the program that holds 27015 instead of the device service', () => {
    const listeners = parseNetstat(fixture('windows', 'netstat-ano-de-de.txt'));
    const judged = judgeListener(target('tcp', 27015), 'windows', scanned(listeners), windowsProcesses);
    expect(judged).toMatchObject({ status: 'fail', reason: 'port-held', facts: { pid: 5512, program: 'NoxVMHandle.exe' } });
    expect(judged.detail).toContain('NoxVMHandle.exe (pid 5512)');
  });

  it('says when nothing listens on 27015 on Windows, and is calm about it elsewhere', () => {
    expect(judgeListener(target('tcp', 27015), 'windows', scanned([]), windowsProcesses)).toMatchObject({
      status: 'warn',
      reason: 'port-not-listening',
    });
    expect(judgeListener(target('tcp', 27015), 'linux', scanned([]))).toMatchObject({ status: 'ok', reason: 'ok' });
  });

  it('treats a shared mDNS port as normal', () => {
    const listeners = parseNetstat(fixture('windows', 'netstat-ano-en-us.txt'));
    expect(judgeListener(target('udp', 5353), 'windows', scanned(listeners), windowsProcesses)).toMatchObject({
      status: 'ok',
      facts: { pid: 3964 },
    });
    expect(judgeListener(target('udp', 5353), 'windows', scanned(listeners.filter((l) => l.pid !== 3964)), windowsProcesses)).toMatchObject(
      {
        status: 'ok',
        facts: { program: 'svchost.exe' },
      },
    );
  });
});

describe('macOS lsof -F (captured)', () => {
  it('parses fields, escaped command names and skips connected sockets', () => {
    const listeners = parseLsofFields(`${fixture('mac', 'lsof-listen-tcp.txt')}\n${fixture('mac', 'lsof-udp.txt')}`);
    expect(listeners.filter((l) => l.port === 3689)).toEqual([
      { protocol: 'tcp', address: '*', port: 3689, pid: 1790, command: 'Music' },
      { protocol: 'tcp', address: '::', port: 3689, pid: 1790, command: 'Music' },
    ]);
    expect(listeners.filter((l) => l.port === 5353).map((l) => l.command)).toEqual([
      'mDNSResponder',
      'mDNSResponder',
      'Google Chrome Helper',
    ]);
    expect(listeners.some((l) => l.port === 52341 || l.port === 443)).toBe(false);
    const judged = judgeListener(target('tcp', 3689), 'mac', scanned(listeners));
    expect(judged).toMatchObject({ status: 'ok', facts: { pid: 1790, program: 'Music' } });
  });

  it('says lsof may not see system services when nothing visible listens', () => {
    const judged = judgeListener(target('udp', 5353), 'mac', {
      kind: 'scanned',
      listeners: [],
      source: 'lsof',
      note: 'without administrator rights lsof shows only your own programs',
    });
    expect(judged).toMatchObject({ status: 'ok' });
    expect(judged.detail).toContain('a system service may still hold it');
  });

  it('names a program squatting on the Music Sharing port', () => {
    const listeners = parseLsofFields(fixture('mac', 'lsof-squatter.txt'));
    expect(judgeListener(target('tcp', 3689), 'mac', scanned(listeners))).toMatchObject({
      status: 'warn',
      reason: 'port-held',
      facts: { program: 'node', pid: 812 },
    });
  });
});

describe('Linux /proc/net (captured)', () => {
  it('decodes IPv4, IPv6 and v4-mapped addresses and keeps only listening/bound sockets', () => {
    const tcp = parseProcNet(fixture('linux', 'proc-net-tcp.txt'), 'tcp', false);
    expect(tcp.map((s) => `${s.address}:${s.port}#${s.inode}`)).toEqual(['127.0.0.1:27015#33461', '0.0.0.0:3689#41237']);
    const tcp6 = parseProcNet(fixture('linux', 'proc-net-tcp6.txt'), 'tcp', true);
    expect(tcp6.map((s) => `${s.address}:${s.port}`)).toEqual(['::1:3689', ':::22', '127.0.0.1:27015']);
    const udp = parseProcNet(fixture('linux', 'proc-net-udp.txt'), 'udp', false);
    expect(udp.map((s) => `${s.address}:${s.port}`)).toEqual(['0.0.0.0:5353']);
  });

  it('tells a deadline from a cancel when the scan is stopped', async () => {
    const deadline = AbortSignal.abort(new DOMException('deadline', 'TimeoutError'));
    expect(await scanLinux(deadline, '/nonexistent')).toEqual({ kind: 'timeout' });
    expect(await scanLinux(AbortSignal.abort(), '/nonexistent')).toEqual({ kind: 'cancelled' });
  });
});

describe('listeners on this machine (real sockets)', () => {
  let server: net.Server;
  let port = 0;
  let named: NamedProcess;
  let namedPort = 0;
  beforeAll(async () => {
    server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as net.AddressInfo).port;
    named = await startNamedProcess('AppleMobileDeviceService.exe', process.execPath, [
      '-e',
      "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>console.log(s.address().port))",
    ]);
    namedPort = Number(await named.firstLine());
  });
  afterAll(async () => {
    server.close();
    await named.stop();
  });

  it('finds this test process listening, with its pid', async () => {
    const scan = await scanLinux(signal());
    if (scan.kind !== 'scanned') throw new Error(scan.kind);
    expect(scan.listeners).toContainEqual({ protocol: 'tcp', address: '127.0.0.1', port, pid: process.pid });
  });

  it('finds a bound UDP socket too', async () => {
    const { createSocket } = await import('node:dgram');
    const socket = createSocket('udp4');
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    try {
      const scan = await scanLinux(signal());
      if (scan.kind !== 'scanned') throw new Error(scan.kind);
      expect(scan.listeners).toContainEqual({ protocol: 'udp', address: '127.0.0.1', port: socket.address().port, pid: process.pid });
    } finally {
      socket.close();
    }
  });

  it('names an unexpected program holding a port the device service needs', async () => {
    const fake: ListenerTarget = { ...target('tcp', 27015), port };
    const [task] = listenerTasks([fake], 'windows', sharedScan(listenerScanner('linux')), sharedProcessList());
    const result = await task!.run(signal());
    expect(result).toMatchObject({
      kind: 'listener',
      status: 'fail',
      reason: 'port-held',
      facts: { pid: process.pid, path: process.execPath },
    });
    expect(result.detail).toContain(`pid ${process.pid}`);
  });

  it('accepts the expected program, found by its full name', async () => {
    const fake: ListenerTarget = { ...target('tcp', 27015), port: namedPort };
    const [task] = listenerTasks([fake], 'windows', sharedScan(listenerScanner('linux')), sharedProcessList());
    expect(await task!.run(signal())).toMatchObject({
      status: 'ok',
      facts: { pid: named.pid, program: 'AppleMobileDeviceService.exe', path: named.path },
    });
  });

  it('reports a free port as free', async () => {
    const free = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (probe.address() as net.AddressInfo).port;
        probe.close(() => resolve(p));
      });
    });
    const [task] = listenerTasks(
      [{ ...target('tcp', 3689), port: free }],
      'linux',
      sharedScan(listenerScanner('linux')),
      sharedProcessList(),
    );
    expect(await task!.run(signal())).toMatchObject({ status: 'ok', facts: { holders: 0 } });
  });

  it('says "cannot run here" when the tool is missing, naming it', async () => {
    // The real runCommand, asked for the tool where it is not installed: what a machine without it does.
    const missingTools: RunCommand = (file, args, options) =>
      runCommand(path.join('/nonexistent', file.split(/[\\/]/).pop() ?? file), args, options);
    const mac = await listenerScanner('mac', missingTools)(signal());
    expect(mac).toEqual({ kind: 'cannot-run', why: '/nonexistent/lsof was not found' });
    expect(judgeListener(target('tcp', 3689), 'mac', mac)).toMatchObject({ status: 'skipped', reason: 'cannot-run' });
    const windows = await listenerScanner('windows', missingTools)(signal());
    expect(windows).toEqual({ kind: 'cannot-run', why: '/nonexistent/NETSTAT.EXE was not found' });
    expect(judgeListener(target('tcp', 27015), 'windows', windows)).toMatchObject({ status: 'skipped', reason: 'cannot-run' });
  });

  it("runs Windows' netstat from System32, never the first netstat on the PATH", async () => {
    // This Linux has a netstat of its own on the PATH; the Windows scan must not pick it up.
    expect(await listenerScanner('windows')(signal())).toEqual({
      kind: 'cannot-run',
      why: 'C:\\Windows\\System32\\NETSTAT.EXE was not found',
    });
  });

  it('says "cannot run here" on an operating system it has no way to list ports on', async () => {
    const other = await listenerScanner('other')(signal());
    expect(other).toEqual({ kind: 'cannot-run', why: 'listing listening ports is not supported on this operating system' });
    expect(judgeListener(target('tcp', 27015), 'other', other)).toMatchObject({ status: 'skipped', reason: 'cannot-run' });
  });
});

describe('listener parsers never throw (property)', () => {
  it('on garbage text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 3000 }), (text) => {
        parseNetstat(text);
        parseLsofFields(text);
        parseProcNet(text, 'tcp', false);
        parseProcNet(text, 'udp', true);
      }),
    );
  });

  it('on netstat-like lines', () => {
    const endpoint = fc
      .oneof(
        fc.ipV4(),
        fc.ipV6().map((a) => `[${a}]`),
        fc.string(),
      )
      .chain((a) => fc.nat(70000).map((p) => `${a}:${p}`));
    const row = fc
      .tuple(fc.constantFrom('TCP', 'UDP', 'tcp', 'X'), endpoint, endpoint, fc.string(), fc.nat())
      .map((f) => `  ${f.join('    ')}`);
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (rows) => {
        for (const listener of parseNetstat(rows.join('\r\n'))) expect(listener.port).toBeLessThanOrEqual(65535);
      }),
    );
  });
});
