/** Windows service states as `sc` prints them after the number; the words are never translated. */
const STATES = ['STOPPED', 'START_PENDING', 'STOP_PENDING', 'RUNNING', 'CONTINUE_PENDING', 'PAUSE_PENDING', 'PAUSED'] as const;
type WindowsServiceState = (typeof STATES)[number];
const START_TYPES = ['BOOT_START', 'SYSTEM_START', 'AUTO_START', 'DEMAND_START', 'DISABLED'] as const;
type WindowsStartType = (typeof START_TYPES)[number];

/** Exit code of `sc` for "the specified service does not exist as an installed service". */
export const SC_SERVICE_MISSING = 1060;

/**
 * Reads the state out of `sc query NAME`. The labels are translated on some Windows languages
 * ("STATUS", "ÉTAT"), so the line is found by its value: a number followed by the state word.
 * Pure; undefined when there is no such line.
 */
export function parseScQueryState(text: string): WindowsServiceState | undefined {
  for (const line of text.split(/\r?\n/)) {
    const match = /:\s*\d+\s+([A-Z_]+)\s*$/.exec(line);
    const word = match?.[1] as WindowsServiceState | undefined;
    if (word && (STATES as readonly string[]).includes(word)) return word;
  }
  return undefined;
}

interface ScConfig {
  startType?: WindowsStartType;
  binaryPath?: string;
}

/** Reads START_TYPE and BINARY_PATH_NAME out of `sc qc NAME`. Pure. */
export function parseScQc(text: string): ScConfig {
  const config: ScConfig = {};
  for (const line of text.split(/\r?\n/)) {
    const start = /:\s*\d+\s+([A-Z_]+)\s*(\(DELAYED\))?\s*$/.exec(line);
    const word = start?.[1];
    if (word && (START_TYPES as readonly string[]).includes(word)) config.startType = word as WindowsStartType;
    const path =
      /^\s*BINARY_PATH_NAME\s*:\s*(.+?)\s*$/.exec(line) ?? /^\s*[^:]*(?:PFAD|CHEMIN|PATH|RUTA|PERCORSO)[^:]*:\s*(.+?)\s*$/i.exec(line);
    if (path?.[1] && /\.exe\b/i.test(path[1])) config.binaryPath = path[1].replace(/^"([^"]+)".*$/, '$1');
  }
  return config;
}
