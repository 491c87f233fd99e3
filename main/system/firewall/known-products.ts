/**
 * Processes that reveal a security product known to filter or inspect network traffic, for
 * macOS (no Security Center) and as a second opinion on Windows. Matched by executable name.
 */
const KNOWN_SECURITY_PROCESSES: Record<string, string> = {
  'little snitch network monitor': 'Little Snitch',
  'little snitch agent': 'Little Snitch',
  'at.obdev.littlesnitch.networkextension': 'Little Snitch',
  lulu: 'LuLu',
  'com.objective-see.lulu.extension': 'LuLu',
  'radio silence': 'Radio Silence',
  netbarrier: 'Intego NetBarrier',
  'com.sophos.endpoint.networkextension': 'Sophos',
  sophosscand: 'Sophos',
  'com.avast.proxy': 'Avast',
  kav: 'Kaspersky',
  'com.kaspersky.kav.tun': 'Kaspersky',
  norton360: 'Norton 360',
  symdaemon: 'Norton / Symantec',
  'com.eset.firewall': 'ESET',
  bdldaemon: 'Bitdefender',
  'mcafee reporter': 'McAfee',
  'avp.exe': 'Kaspersky',
  'ekrn.exe': 'ESET',
  'bdagent.exe': 'Bitdefender',
  'vsserv.exe': 'Bitdefender',
  'avastsvc.exe': 'Avast',
  'avgsvc.exe': 'AVG',
  'mcshield.exe': 'McAfee',
  'mfefire.exe': 'McAfee Firewall',
  'nortonsecurity.exe': 'Norton',
  'ccsvchst.exe': 'Norton / Symantec',
  'zlclient.exe': 'ZoneAlarm',
  'sophoshealth.exe': 'Sophos',
  'wrsa.exe': 'Webroot',
  'cmdagent.exe': 'Comodo',
  'fsorsp64.exe': 'F-Secure',
  'pctsgui.exe': 'PC Tools',
  'glasswire.exe': 'GlassWire',
  'netlimiter.exe': 'NetLimiter',
};

export function productsFromProcesses(names: readonly string[]): string[] {
  const found = new Set<string>();
  for (const name of names) {
    const product = KNOWN_SECURITY_PROCESSES[name.toLowerCase()];
    if (product) found.add(product);
  }
  return [...found];
}
