import type { CheckTask } from '../../scheduler/task';
import { runCommand, type CommandOutcome, type RunCommand } from '../../platform/exec';
import type { ListProcesses, ProcessList } from '../processes/list';
import { POWERSHELL_DEADLINE_MS } from '../powershell';
import { systemCommand } from '../../platform/system-command';
import { commandTrouble, notApplicable, systemTask, troubleOutcome, type SystemOutcome } from '../task';
import { type SystemOs } from '../../platform/system-os';
import { sharedWindowsPowerShell, type WindowsPowerShell } from '../windows-powershell';
import { productsFromProcesses } from './known-products';
import { parseBlockAll, parseGlobalState, parseListApps } from './socketfilterfw';
import { isMicrosoftProduct, parseWindowsSecurity, type WindowsSecurity } from './windows';

/** Apps whose blocking matters for sync, sharing and device discovery on macOS. */
const MAC_APPLE_APPS = /(Music|iTunes|TV|AMPDevicesAgent|AMPLibraryAgent|Finder|usbmuxd|mDNSResponder)(\.app)?$/i;

export function firewallTasks(
  os: SystemOs,
  processes: ListProcesses,
  run: RunCommand = runCommand,
  powershell: WindowsPowerShell = sharedWindowsPowerShell(run),
): CheckTask[] {
  const firewall = { id: 'firewall:system', kind: 'firewall' as const, title: 'Firewall', purpose: 'The firewall built into the system' };
  const products = {
    id: 'firewall:products',
    kind: 'firewall' as const,
    title: 'Security software',
    purpose: 'Antivirus and firewall products',
  };
  switch (os) {
    case 'windows':
      return [
        systemTask({ ...firewall, minimumDeadlineMs: POWERSHELL_DEADLINE_MS }, async (signal) =>
          judgeWindowsFirewall(await powershell(signal)),
        ),
        systemTask({ ...products, minimumDeadlineMs: POWERSHELL_DEADLINE_MS }, async (signal) =>
          judgeWindowsProducts(await powershell(signal), await processes(signal)),
        ),
      ];
    case 'mac':
      return [
        systemTask(firewall, async (signal) => {
          const options = { signal, timeoutMs: 10_000 };
          const socketfilterfw = systemCommand('socketfilterfw');
          const [state, blockAll, apps] = await Promise.all([
            run(socketfilterfw, ['--getglobalstate'], options),
            run(socketfilterfw, ['--getblockall'], options),
            run(socketfilterfw, ['--listapps'], options),
          ]);
          return judgeMacFirewall(state, blockAll, apps);
        }),
        systemTask(products, async (signal) => judgeProductsFromProcesses(await processes(signal))),
      ];
    default:
      return [
        systemTask({ ...firewall, title: 'Firewall and security software' }, () =>
          Promise.resolve(notApplicable('The Windows Firewall, Security Center and macOS application firewall checks', os)),
        ),
      ];
  }
}

function security(outcome: CommandOutcome): WindowsSecurity | SystemOutcome {
  if (outcome.kind !== 'ran') return commandTrouble('powershell', outcome);
  const parsed = parseWindowsSecurity(outcome.stdout);
  if (!parsed) {
    return {
      status: 'warn',
      reason: 'output-not-understood',
      detail: `PowerShell did not give the firewall settings (exit ${outcome.exitCode}${outcome.stderr.trim() ? `: ${outcome.stderr.trim().slice(0, 160)}` : ''}).`,
    };
  }
  return parsed;
}

/** Pure: Windows Firewall profiles and the rules for Apple programs. */
export function judgeWindowsFirewall(outcome: CommandOutcome): SystemOutcome {
  const parsed = security(outcome);
  if ('status' in parsed) return parsed;
  if (!parsed.profiles) {
    return {
      status: 'skipped',
      reason: 'cannot-run',
      detail: `Cannot run here: the firewall profiles could not be read (${parsed.problems[0] ?? 'unknown'}).`,
    };
  }
  const on = parsed.profiles.filter((profile) => profile.enabled === true);
  const blocking = (parsed.rules ?? []).filter((rule) => rule.action === 'Block');
  const allowing = (parsed.rules ?? []).filter((rule) => rule.action === 'Allow');
  const facts = {
    profilesOn: on.map((p) => p.name).join(', ') || null,
    appleAllowRules: allowing.length,
    appleBlockRules: blocking.length,
    ...(blocking[0] ? { rule: blocking[0].name, direction: blocking[0].direction, program: blocking[0].program } : {}),
  };
  if (on.length > 0 && blocking.length > 0) {
    return {
      status: 'fail',
      reason: 'firewall-blocks',
      detail: `Windows Firewall has ${blocking.length} rule(s) blocking Apple software: ${blocking
        .slice(0, 3)
        .map((rule) => `"${rule.name}" (${rule.direction}${rule.program ? `, ${rule.program}` : ''})`)
        .join(', ')}. Remove them or change them to Allow in "Windows Defender Firewall with Advanced Security".`,
      facts,
    };
  }
  const outboundBlock = on.filter((profile) => profile.defaultOutbound === 'Block');
  if (outboundBlock.length > 0 && allowing.length === 0) {
    return {
      status: 'warn',
      reason: 'firewall-blocks',
      detail: `Windows Firewall blocks outgoing connections by default (${outboundBlock.map((p) => p.name).join(', ')} profile) and has no rule allowing iTunes or Apple software.`,
      facts,
    };
  }
  if (on.length === 0) return { status: 'ok', reason: 'firewall-off', detail: 'Windows Firewall is off in every profile.', facts };
  return {
    status: 'ok',
    reason: 'ok',
    detail: `Windows Firewall is on (${on.map((p) => p.name).join(', ')}) and blocks no Apple software${allowing.length > 0 ? `; ${allowing.length} rule(s) allow it` : ''}.`,
    facts,
  };
}

/** Pure: installed antivirus and firewall products (Security Center), named. */
export function judgeWindowsProducts(outcome: CommandOutcome, processes?: ProcessList): SystemOutcome {
  const parsed = security(outcome);
  const fromProcesses = processes?.kind === 'listed' ? productsFromProcesses(processes.processes.map((p) => p.name)) : [];
  if ('status' in parsed || !parsed.products) {
    if (fromProcesses.length > 0) return thirdParty(fromProcesses, 'running processes');
    if ('status' in parsed) return parsed;
    return {
      status: 'skipped',
      reason: 'cannot-run',
      detail: `Cannot run here: Security Center is not available (${parsed.problems.slice(-1)[0] ?? 'Windows Server has none'}).`,
    };
  }
  const others = parsed.products.filter((product) => !isMicrosoftProduct(product.name) && product.enabled);
  const names = [...new Set([...others.map((product) => product.name), ...fromProcesses])];
  if (names.length > 0) return thirdParty(names, 'Windows Security Center', others[0]?.path ?? null);
  const defender = parsed.products.find((product) => isMicrosoftProduct(product.name));
  return {
    status: 'ok',
    reason: 'ok',
    detail: `Only Windows' own protection is active${defender ? ` (${defender.name}${defender.upToDate ? '' : ', signatures out of date'})` : ''}.`,
    facts: { products: parsed.products.map((p) => `${p.name} (${p.kind}${p.enabled ? ', on' : ', off'})`).join('; ') || null },
  };
}

/** Pure: products known from running processes (macOS has no Security Center). */
export function judgeProductsFromProcesses(processes: ProcessList): SystemOutcome {
  if (processes.kind !== 'listed') return troubleOutcome(processes, 'Listing the running processes took too long.');
  const names = productsFromProcesses(processes.processes.map((p) => p.name));
  if (names.length > 0) return thirdParty(names, 'running processes');
  return {
    status: 'ok',
    reason: 'ok',
    detail: 'No known third-party firewall or security software is running.',
    facts: { products: null },
  };
}

function thirdParty(names: readonly string[], source: string, path: string | null = null): SystemOutcome {
  return {
    status: 'warn',
    reason: 'security-product',
    detail: `Security software is active: ${names.join(', ')} (from ${source}). Such products often block or inspect Apple's traffic; if a network check failed, allow iTunes, Apple Devices and Apple's servers in it, or pause it and check again.`,
    facts: { product: names[0]!, products: names.join('; '), path },
  };
}

/** Pure: the macOS application firewall from the three socketfilterfw answers. */
export function judgeMacFirewall(state: CommandOutcome, blockAll: CommandOutcome, apps: CommandOutcome): SystemOutcome {
  if (state.kind !== 'ran') return commandTrouble('socketfilterfw', state);
  const global = parseGlobalState(state.stdout);
  if (global === undefined) {
    return {
      status: 'warn',
      reason: 'output-not-understood',
      detail: `socketfilterfw answered "${state.stdout.trim().slice(0, 120)}", which this check does not understand.`,
    };
  }
  const blocksAll = (blockAll.kind === 'ran' ? parseBlockAll(blockAll.stdout) : undefined) ?? global === 2;
  const listed = apps.kind === 'ran' ? parseListApps(apps.stdout) : [];
  const blockedApple = listed.filter((app) => !app.allowed && MAC_APPLE_APPS.test(app.path));
  const facts = {
    state: global,
    blockAll: blocksAll,
    apps: listed.length,
    blockedApps: blockedApple.map((app) => app.path).join('; ') || null,
  };
  if (global === 0) return { status: 'ok', reason: 'firewall-off', detail: 'The macOS firewall is off.', facts };
  if (blocksAll) {
    return {
      status: 'warn',
      reason: 'firewall-blocks',
      detail:
        'The macOS firewall blocks all incoming connections: Wi-Fi sync, Home Sharing and AirPlay to this Mac cannot work. USB sync is not affected.',
      facts,
    };
  }
  if (blockedApple.length > 0) {
    return {
      status: 'warn',
      reason: 'firewall-blocks',
      detail: `The macOS firewall blocks incoming connections for ${blockedApple.map((app) => app.path).join(', ')}. Allow them in System Settings > Network > Firewall > Options.`,
      facts,
    };
  }
  return { status: 'ok', reason: 'ok', detail: `The macOS firewall is on and blocks no Apple app (${listed.length} app rule(s)).`, facts };
}
