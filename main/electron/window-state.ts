import { readFile, writeFile, rename } from 'node:fs/promises';
import * as z from 'zod/mini';
import { MIN_HEIGHT, MIN_WIDTH } from './window-options';

// The window's size and place, remembered between launches. The file is outside input (a user may
// edit it, a monitor may be gone), so it is validated and the bounds are fitted to a screen.

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
}

export interface SavedWindowState {
  bounds: WindowBounds;
  maximized: boolean;
}

interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const DEFAULT_STATE: SavedWindowState = { bounds: { width: 1040, height: 720 }, maximized: false };

const stateSchema = z.object({
  bounds: z.object({
    x: z.optional(z.int()),
    y: z.optional(z.int()),
    width: z.int().check(z.gte(100), z.lte(20_000)),
    height: z.int().check(z.gte(100), z.lte(20_000)),
  }),
  maximized: z.boolean(),
});

export function parseWindowState(text: string): SavedWindowState | undefined {
  try {
    const parsed = stateSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps the window usable: at least the minimum size, no bigger than the screen it lands on, and
 * placed on a screen that still exists (otherwise centred by the OS).
 */
export function fitToScreens(state: SavedWindowState, workAreas: readonly Area[]): SavedWindowState {
  const { x, y } = state.bounds;
  const home = x !== undefined && y !== undefined ? workAreas.find((area) => overlapsEnough(area, { ...state.bounds, x, y })) : undefined;
  const limit = home ?? workAreas[0];
  const width = Math.max(MIN_WIDTH, limit ? Math.min(state.bounds.width, limit.width) : state.bounds.width);
  const height = Math.max(MIN_HEIGHT, limit ? Math.min(state.bounds.height, limit.height) : state.bounds.height);
  if (!home || x === undefined || y === undefined) return { bounds: { width, height }, maximized: state.maximized };
  return { bounds: { x, y, width, height }, maximized: state.maximized };
}

function overlapsEnough(area: Area, bounds: Required<WindowBounds>): boolean {
  // The title bar must be reachable: at least 100 x 40 pixels of the window's top on this screen.
  const left = Math.max(area.x, bounds.x);
  const right = Math.min(area.x + area.width, bounds.x + bounds.width);
  const top = Math.max(area.y, bounds.y);
  const bottom = Math.min(area.y + area.height, bounds.y + 40);
  return right - left >= 100 && bottom - top >= 40 && bounds.y >= area.y;
}

export async function loadWindowState(file: string, workAreas: readonly Area[]): Promise<SavedWindowState> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return fitToScreens(DEFAULT_STATE, workAreas);
  }
  return fitToScreens(parseWindowState(text) ?? DEFAULT_STATE, workAreas);
}

/** Writes through a temporary file so a crash mid-write never leaves half a file. */
export async function saveWindowState(file: string, state: SavedWindowState): Promise<void> {
  const temporary = `${file}.tmp`;
  await writeFile(temporary, `${JSON.stringify(state)}\n`, 'utf8');
  await rename(temporary, file);
}
