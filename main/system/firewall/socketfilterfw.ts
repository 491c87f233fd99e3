/** `socketfilterfw --getglobalstate`: "Firewall is enabled. (State = 1)". Pure. */
export function parseGlobalState(text: string): number | undefined {
  const state = /State\s*=\s*(\d)/i.exec(text);
  if (state) return Number(state[1]);
  if (/\bdisabled\b/i.test(text)) return 0;
  if (/\benabled\b/i.test(text)) return 1;
  return undefined;
}

/**
 * `socketfilterfw --getblockall`, old and new wordings: "Block all INCOMING connections is
 * disabled!", "Firewall has block all state set to disabled.", "Firewall is set to block all
 * non-essential incoming connections", "Block all ENABLED!". Pure.
 */
export function parseBlockAll(text: string): boolean | undefined {
  if (/block all state set to enabled|set to block all|block all enabled|incoming connections is enabled/i.test(text)) return true;
  if (/block all state set to disabled|incoming connections is disabled|block all disabled/i.test(text)) return false;
  return undefined;
}

/** `socketfilterfw --listapps`: numbered paths, each followed by "( Allow/Block incoming connections )". Pure. */
export function parseListApps(text: string): { path: string; allowed: boolean }[] {
  const apps: { path: string; allowed: boolean }[] = [];
  let current: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    // Trimmed first: a pattern that has to find where trailing spaces start takes quadratic time on a long line.
    const entry = /^\d+\s*:\s+(\S.*)$/.exec(line.trim());
    if (entry) {
      current = entry[1];
      continue;
    }
    const verdict = /\(\s*(Allow|Block)\s+incoming connections\s*\)/i.exec(line);
    if (verdict && current) {
      apps.push({ path: current, allowed: verdict[1]!.toLowerCase() === 'allow' });
      current = undefined;
    }
  }
  return apps;
}
