interface FirewallProfile {
  name: string;
  enabled: boolean | undefined;
  defaultInbound?: string;
  defaultOutbound?: string;
}

interface FirewallRule {
  name: string;
  direction: string;
  action: string;
  /** The program the rule is for, when it names one. */
  program: string | null;
}

interface SecurityProduct {
  name: string;
  kind: 'antivirus' | 'firewall';
  enabled: boolean;
  upToDate: boolean;
  path: string | null;
}

export interface WindowsSecurity {
  profiles?: FirewallProfile[];
  rules?: FirewallRule[];
  products?: SecurityProduct[];
  problems: string[];
}

/**
 * The firewall's part of the one PowerShell run on Windows (windows-powershell.ts): it adds its
 * fields to the script's result `$r`. The COM API answers in numbers; the script writes them as
 * names (action 0 Block, else Allow; direction 1 Inbound, else Outbound), so the JSON is the same
 * on PowerShell 5.1 and 7. Profiles and rules fail together (profilesError), each Security Center
 * part on its own (Windows Server has none).
 */
export const WINDOWS_SECURITY_PART = [
  // The firewall's COM API answers in well under a second; Get-NetFirewallRule takes seconds on
  // machines with many rules, which would eat the check's deadline. Rules are matched by name and
  // by program path (a rule blocking iTunes.exe may be called anything).
  'try {',
  '  $fw = New-Object -ComObject HNetCfg.FwPolicy2',
  "  $r.profiles = @(foreach ($p in @(@(1, 'Domain'), @(2, 'Private'), @(4, 'Public'))) { [ordered]@{ Name = $p[1]; Enabled = \"$($fw.FirewallEnabled($p[0]))\"; DefaultInboundAction = $(if ($fw.DefaultInboundAction($p[0]) -eq 0) { 'Block' } else { 'Allow' }); DefaultOutboundAction = $(if ($fw.DefaultOutboundAction($p[0]) -eq 0) { 'Block' } else { 'Allow' }) } })",
  "  $r.rules = @($fw.Rules | Where-Object { $_.Enabled -and (\"$($_.Name)\" -match 'iTunes|Apple|Bonjour|mDNSResponder' -or \"$($_.ApplicationName)\" -match '\\\\(iTunes|Apple Devices|Bonjour|Mobile Device Support)\\\\|iTunes\\.exe$|mDNSResponder\\.exe$|AppleMobileDevice') } | ForEach-Object { [ordered]@{ DisplayName = \"$($_.Name)\"; Direction = $(if ($_.Direction -eq 1) { 'Inbound' } else { 'Outbound' }); Action = $(if ($_.Action -eq 0) { 'Block' } else { 'Allow' }); Profile = \"$($_.Profiles)\"; Program = \"$($_.ApplicationName)\" } })",
  '} catch { $r.profilesError = "$_" }',
  'try { $r.antivirus = @(Get-CimInstance -Namespace root/SecurityCenter2 -ClassName AntiVirusProduct | ForEach-Object { [ordered]@{ displayName = "$($_.displayName)"; productState = [int64]$_.productState; path = "$($_.pathToSignedProductExe)" } }) } catch { $r.antivirusError = "$_" }',
  'try { $r.firewalls = @(Get-CimInstance -Namespace root/SecurityCenter2 -ClassName FirewallProduct | ForEach-Object { [ordered]@{ displayName = "$($_.displayName)"; productState = [int64]$_.productState; path = "$($_.pathToSignedProductExe)" } }) } catch { $r.firewallsError = "$_" }',
];

/** Security Center's productState: bits 12-15 say on/off, bits 4-7 whether signatures are current. */
export function decodeProductState(state: number): { enabled: boolean; upToDate: boolean } {
  return { enabled: (state & 0x1000) !== 0, upToDate: (state & 0x10) === 0 };
}

/** Reads the script's JSON (also a bare Get-NetFirewallProfile | ConvertTo-Json array). Pure. */
export function parseWindowsSecurity(text: string): WindowsSecurity | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, '').trim());
  } catch {
    return undefined;
  }
  if (Array.isArray(data)) data = { profiles: data };
  if (typeof data !== 'object' || data === null) return undefined;
  const record = data as Record<string, unknown>;
  const problems = ['profilesError', 'antivirusError', 'firewallsError']
    .map((key) => record[key])
    .filter((value): value is string => typeof value === 'string');
  const list = (value: unknown): Record<string, unknown>[] =>
    (Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]).filter(
      (item): item is Record<string, unknown> => typeof item === 'object' && item !== null,
    );
  const text_ = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '');
  const result: WindowsSecurity = { problems };
  if ('profiles' in record) {
    result.profiles = list(record['profiles']).map((p) => ({
      name: text_(p['Name']),
      enabled: toBool(p['Enabled']),
      defaultInbound: actionName(p['DefaultInboundAction']),
      defaultOutbound: actionName(p['DefaultOutboundAction']),
    }));
  }
  if ('rules' in record) {
    result.rules = list(record['rules']).map((r) => ({
      name: text_(r['DisplayName']),
      direction: directionName(r['Direction']),
      action: actionName(r['Action']),
      program: text_(r['Program']) || null,
    }));
  }
  if ('antivirus' in record || 'firewalls' in record) {
    const products = (value: unknown, kind: SecurityProduct['kind']) =>
      list(value).map((p) => {
        const state = typeof p['productState'] === 'number' ? p['productState'] : Number(p['productState']);
        const decoded = Number.isFinite(state) ? decodeProductState(state) : { enabled: false, upToDate: false };
        return { name: text_(p['displayName']) || 'an unnamed product', kind, ...decoded, path: text_(p['path']) || null };
      });
    result.products = [...products(record['antivirus'], 'antivirus'), ...products(record['firewalls'], 'firewall')];
  }
  return result;
}

function toBool(value: unknown): boolean | undefined {
  if (value === true || value === 1 || value === 'True' || value === 'true') return true;
  if (value === false || value === 0 || value === 'False' || value === 'false') return false;
  return undefined; // GpoBoolean NotConfigured (2)
}

/** Numbers are the old NetSecurity cmdlets' enum (NotConfigured 0, Allow 2, Block 4), not the COM API's. */
function actionName(value: unknown): string {
  if (typeof value === 'number') return value === 2 ? 'Allow' : value === 4 ? 'Block' : 'NotConfigured';
  return typeof value === 'string' ? value : '';
}

function directionName(value: unknown): string {
  if (typeof value === 'number') return value === 1 ? 'Inbound' : value === 2 ? 'Outbound' : String(value);
  return typeof value === 'string' ? value : '';
}

/** Windows' own products, which are not "third-party security software". */
export function isMicrosoftProduct(name: string): boolean {
  return /^(windows|microsoft) defender|^windows firewall/i.test(name.trim());
}
