// Which listed error codes each finding explains, derived once from the error-code data so the
// findings and `sync-doctor explain` can never disagree.
import { builtinErrorCodes } from '../catalog/error-codes';
import type { FindingId } from './finding';

interface CausesIndex {
  codesFor(id: FindingId): string[];
}

let index: CausesIndex | undefined;

export function causesIndex(): CausesIndex {
  if (index) return index;
  const byCause = new Map<string, string[]>();
  for (const entry of builtinErrorCodes().entries) {
    for (const cause of entry.causes) {
      const list = byCause.get(cause.id) ?? [];
      for (const code of entry.codes ?? []) if (!list.includes(code)) list.push(code);
      byCause.set(cause.id, list);
    }
  }
  index = { codesFor: (id) => [...(byCause.get(id) ?? [])] };
  return index;
}
