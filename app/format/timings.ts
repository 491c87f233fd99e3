import type { Timings } from '../contract/check';

/** The layers in the order the engine times them, so the sum adds up the same way everywhere. */
const LAYERS = ['dnsMs', 'tcpMs', 'tlsMs', 'httpMs', 'ntpMs'] as const satisfies readonly (keyof Timings)[];

/**
 * The time a check spent across its timed layers, in milliseconds; undefined when none was timed.
 * Layers overlap only while a slow direct DNS query is still out (see Timings), so the sum is the
 * check's own time or a little over it.
 */
export function timingsTotalMs(timings: Timings): number | undefined {
  let total: number | undefined;
  for (const layer of LAYERS) {
    const ms = timings[layer];
    if (typeof ms === 'number') total = (total ?? 0) + ms;
  }
  return total;
}
