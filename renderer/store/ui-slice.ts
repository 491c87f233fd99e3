import type { StateCreator } from 'zustand';

/** "Fix my sync" first: the app opens on the wizard; the other screens are the detail and the report. */
export const SCREENS = ['wizard', 'overview', 'servers', 'ports', 'processes', 'report'] as const;
export type Screen = (typeof SCREENS)[number];

export interface UiSlice {
  screen: Screen;
  showScreen(screen: Screen): void;
}

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  screen: 'wizard',
  showScreen: (screen) => set({ screen }),
});
