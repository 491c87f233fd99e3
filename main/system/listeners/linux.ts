import { readdir, readFile, readlink } from 'node:fs/promises';
import { abortTrouble } from '../../platform/exec';
import { parseProcNet } from './proc-net';
import type { Listener, ListenerScan } from './types';

/** Reads listening sockets from /proc and finds their owners through /proc/<pid>/fd. */
export async function scanLinux(signal: AbortSignal, root = '/proc'): Promise<ListenerScan> {
  const tables: [string, 'tcp' | 'udp', boolean][] = [
    ['net/tcp', 'tcp', false],
    ['net/tcp6', 'tcp', true],
    ['net/udp', 'udp', false],
    ['net/udp6', 'udp', true],
  ];
  const sockets: (Listener & { inode: number })[] = [];
  let readAny = false;
  for (const [file, protocol, ipv6] of tables) {
    try {
      sockets.push(...parseProcNet(await readFile(`${root}/${file}`, 'utf8'), protocol, ipv6));
      readAny = true;
    } catch {
      // An IPv6-less kernel has no tcp6: fine, as long as something was readable.
    }
    if (signal.aborted) return abortTrouble(signal);
  }
  if (!readAny) return { kind: 'cannot-run', why: `${root}/net is not readable` };
  const owners = await socketOwners(new Set(sockets.map((socket) => socket.inode)), root, signal);
  let hidden = 0;
  const listeners = sockets.map(({ inode, ...socket }) => {
    const pid = owners.get(inode) ?? null;
    if (pid === null && inode !== 0) hidden++;
    return { ...socket, pid };
  });
  return {
    kind: 'scanned',
    listeners,
    source: `${root}/net`,
    ...(hidden > 0 ? { note: `${hidden} socket(s) belong to processes this user may not inspect` } : {}),
  };
}

async function socketOwners(inodes: Set<number>, root: string, signal: AbortSignal): Promise<Map<number, number>> {
  const owners = new Map<number, number>();
  let pids: string[] = [];
  try {
    pids = (await readdir(root)).filter((name) => /^\d+$/.test(name));
  } catch {
    return owners;
  }
  for (const pid of pids) {
    if (signal.aborted || owners.size === inodes.size) break;
    let fds: string[];
    try {
      fds = await readdir(`${root}/${pid}/fd`);
    } catch {
      continue; // gone, or not ours
    }
    for (const fd of fds) {
      const target = await readlink(`${root}/${pid}/fd/${fd}`).catch(() => '');
      const match = /^socket:\[(\d+)\]$/.exec(target);
      if (match && inodes.has(Number(match[1])) && !owners.has(Number(match[1]))) owners.set(Number(match[1]), Number(pid));
    }
  }
  return owners;
}
