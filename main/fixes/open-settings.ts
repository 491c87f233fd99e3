import type { FindingId, FixId } from '../../app/diagnosis/finding';
import type { FixStep } from '../../app/fixes/preview';
import { macCommand, windowsCommand } from './commands';
import type { FixDefinition, FixEnvironment, PreparedFix } from './definition';
import { blockedFix, runPlanned, type PlannedCommand } from './steps';

/** Where a settings page is: Windows (ms-settings: URI or a control panel), macOS 13+ and before. */
interface SettingsPage {
  name: string;
  windows: { kind: 'uri'; uri: string } | { kind: 'control'; applet: string };
  mac: string;
  macBefore13: string;
}

const PANE = 'x-apple.systempreferences:';

const PAGES = {
  firewall: {
    name: 'firewall settings',
    windows: { kind: 'control', applet: 'firewall.cpl' },
    // From macOS 13 the firewall sits under Network; the old "?Firewall" anchor no longer works.
    mac: `${PANE}com.apple.Network-Settings.extension`,
    macBefore13: `${PANE}com.apple.preference.security?Firewall`,
  },
  proxy: {
    name: 'proxy settings',
    windows: { kind: 'uri', uri: 'ms-settings:network-proxy' },
    mac: `${PANE}com.apple.Network-Settings.extension`,
    macBefore13: `${PANE}com.apple.preference.network`,
  },
  dateTime: {
    name: 'date and time settings',
    windows: { kind: 'uri', uri: 'ms-settings:dateandtime' },
    mac: `${PANE}com.apple.Date-Time-Settings.extension`,
    macBefore13: `${PANE}com.apple.preference.datetime`,
  },
  security: {
    name: 'security settings',
    windows: { kind: 'uri', uri: 'ms-settings:windowsdefender' },
    mac: `${PANE}com.apple.settings.PrivacySecurity.extension`,
    macBefore13: `${PANE}com.apple.preference.security`,
  },
  network: {
    name: 'network settings',
    windows: { kind: 'uri', uri: 'ms-settings:network-status' },
    mac: `${PANE}com.apple.Network-Settings.extension`,
    macBefore13: `${PANE}com.apple.preference.network`,
  },
} as const satisfies Record<string, SettingsPage>;

function openFix(id: FixId, page: SettingsPage, answers: readonly FindingId[], title: string): FixDefinition {
  return {
    id,
    answers,
    title,
    changes: `Opens the ${page.name} so you can make the change shown in the steps; Sync Doctor changes nothing itself.`,
    platforms: ['windows', 'mac'],
    undoable: false,
    guidance: true,
    needsAdmin: () => false,
    recheck: [],
    prepare: async (env) => prepareOpen(page, env),
  };
}

function prepareOpen(page: SettingsPage, env: FixEnvironment): PreparedFix {
  let command: PlannedCommand;
  let target: string;
  if (env.os === 'windows') {
    const tool = windowsCommand(page.windows.kind === 'uri' ? 'explorer' : 'control', env);
    if (!tool.ok) return blockedFix(`Cannot run here: ${tool.why}.`, [], 'failed');
    target = page.windows.kind === 'uri' ? page.windows.uri : page.windows.applet;
    // explorer.exe answers 1 even when it opened the page: its exit code says nothing.
    command = {
      argv: [tool.path, target],
      purpose: `Open the ${page.name}.`,
      ...(page.windows.kind === 'uri' ? { judge: () => ({ kind: 'ok' as const }) } : {}),
    };
  } else if (env.os === 'mac') {
    target = (env.macMajor ?? 13) >= 13 ? page.mac : page.macBefore13;
    command = { argv: [macCommand('open').path, target], purpose: `Open the ${page.name}.` };
  } else {
    return blockedFix(`Open your system's ${page.name} and follow the steps.`);
  }
  const step: FixStep = { kind: 'open-settings', page: target, argv: command.argv, purpose: command.purpose };
  return { steps: [step], needsAdmin: false, apply: () => runPlanned([command], env.run, env.signal) };
}

export const OPEN_SETTINGS_FIXES: readonly FixDefinition[] = [
  openFix(
    'open-firewall-settings',
    PAGES.firewall,
    ['firewall-blocks-apple', 'push-port-blocked', 'outbound-ports-blocked', 'time-server-blocked'],
    'Open the firewall settings',
  ),
  openFix(
    'open-proxy-settings',
    PAGES.proxy,
    ['proxy-needs-password', 'proxy-blocks-apple', 'proxy-unreachable', 'proxy-settings-unusable'],
    'Open the proxy settings',
  ),
  openFix('open-date-time-settings', PAGES.dateTime, ['clock-wrong'], 'Open the date and time settings'),
  openFix(
    'open-security-settings',
    PAGES.security,
    ['https-inspection', 'security-software-present', 'firewall-off'],
    'Open the security settings',
  ),
  openFix(
    'open-network-settings',
    PAGES.network,
    ['no-internet', 'dns-filter', 'connections-broken', 'network-sign-in'],
    'Open the network settings',
  ),
];
