// How a catalog helper process is named as a check: the system check (main) and the renderer's
// rows for a run that has not checked processes yet use the same id and title.

const ID_PREFIX = 'process:';

/** The id of the check of one catalog process entry: "process:<entry id>". */
export function processCheckId(entryId: string): string {
  return `${ID_PREFIX}${entryId}`;
}

/** The title of the check: the helper's names on this system, "A.exe or B.exe". */
export function processCheckTitle(names: readonly string[]): string {
  return names.join(' or ');
}
