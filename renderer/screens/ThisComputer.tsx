import { useMemo } from 'react';
import type { CheckKind } from '../../app/contract/check';
import { useAppStore } from '../store/context';
import { LocalRow } from './LocalRow';

/** Kinds with a screen of their own (Processes, Ports) are left to it. */
const SHOWN_HERE = new Set<CheckKind>(['service', 'hosts', 'proxy', 'firewall', 'clock']);

/** The checks of the computer itself (services, hosts file, proxy, firewall, clock), when the run has them. */
export function ThisComputer() {
  const planned = useAppStore((s) => s.run.planned);
  const local = useMemo(() => planned.filter((p) => p.group === 'system' && SHOWN_HERE.has(p.kind)), [planned]);
  if (local.length === 0) return null;
  return (
    <section className="this-computer" aria-labelledby="this-computer-title">
      <h2 id="this-computer-title">This computer</h2>
      <ul className="local-list">
        {local.map((p) => (
          <LocalRow key={p.id} planned={p} />
        ))}
      </ul>
    </section>
  );
}
