import { builtinCatalog } from '../../app/catalog/builtin';
import { withDeadline } from '../platform/deadline';
import { hostsToResolve } from '../runner/chain';
import { DnsCache } from '../runner/dns-cache';
import type { CheckCommand, ParsedArgs } from './args';
import type { FixCommand } from './fix-args';

/**
 * Sends the DNS queries of a `check` with the built-in catalog before the rest of the command line
 * is loaded: an answer takes a network round trip and loading takes a good part of one, so the two
 * overlap. Returns the cache the engine then takes its answers from, or undefined when the command
 * looks nothing up (help, bad usage, --only system) or its hosts are in a --catalog file not yet read.
 */
export function startEarlyLookups(args: ParsedArgs, signal: AbortSignal, lookups = new DnsCache()): DnsCache | undefined {
  const hosts = earlyHosts(args);
  if (!hosts || !runsTheCheck(args)) return undefined; // (the second test only narrows the type)
  lookups.prefetch(hosts, withDeadline(signal, args.timeoutMs));
  return lookups;
}

/**
 * The names a command looks up before anything else: those of a network check with the built-in
 * catalog, no more than the checks the user allows at once (--concurrency). Undefined when it
 * looks nothing up first (help, bad usage, --only system) or its hosts are in a --catalog file.
 */
export function earlyHosts(args: ParsedArgs): string[] | undefined {
  if (!runsTheCheck(args) || args.catalogFile !== undefined || !args.only.includes('network')) return undefined;
  return hostsToResolve(builtinCatalog()).slice(0, args.concurrency);
}

/** `check`, and `fix` except --undo, start by running the check. */
export function runsTheCheck(args: ParsedArgs): args is CheckCommand | FixCommand {
  return args.command === 'check' || (args.command === 'fix' && args.action !== 'undo');
}
