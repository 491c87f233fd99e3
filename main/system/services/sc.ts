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
    const word = numberedWord(line)?.word;
    if (word && (STATES as readonly string[]).includes(word)) return word as WindowsServiceState;
  }
  return undefined;
}

/**
 * The "4  RUNNING" or "2   AUTO_START  (DELAYED)" after a line's last colon. Found by cutting
 * the line, not by an unanchored pattern, so a long line costs its length and no more.
 */
function numberedWord(line: string): { word: string; delayed: boolean } | undefined {
  const colon = line.lastIndexOf(':');
  if (colon < 0) return undefined;
  const match = /^\d+\s+([A-Z_]+)(\s*\(DELAYED\))?$/.exec(line.slice(colon + 1).trim());
  return match ? { word: match[1]!, delayed: match[2] !== undefined } : undefined;
}

/** A "LABEL : value" line: the label before the first colon and the value after it, trimmed. */
function labelled(line: string): { label: string; value: string } | undefined {
  const colon = line.indexOf(':');
  return colon < 0 ? undefined : { label: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() };
}

interface ScConfig {
  startType?: WindowsStartType;
  binaryPath?: string;
}

/** `"C:\\Program Files\\x.exe" -arg` → C:\\Program Files\\x.exe: the quoted part of a path with arguments. */
function unquoted(path: string): string {
  const end = path.indexOf('"', 1);
  return end > 1 ? path.slice(1, end) : path;
}

/** Reads START_TYPE and BINARY_PATH_NAME out of `sc qc NAME`. Pure; linear in the text. */
export function parseScQc(text: string): ScConfig {
  const config: ScConfig = {};
  for (const line of text.split(/\r?\n/)) {
    const word = numberedWord(line)?.word;
    if (word && (START_TYPES as readonly string[]).includes(word)) config.startType = word as WindowsStartType;
    // The path's label is translated ("BINARY_PATH_NAME", "BINÄRPFADNAME", "CHEMIN_NOM_BINAIRE"...).
    const field = labelled(line);
    const path = field && /PFAD|CHEMIN|PATH|RUTA|PERCORSO/i.test(field.label) ? field.value : undefined;
    if (path && /\.exe\b/i.test(path)) config.binaryPath = path.startsWith('"') ? unquoted(path) : path;
  }
  return config;
}
