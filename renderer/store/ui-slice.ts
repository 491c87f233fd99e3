import type { StateCreator } from 'zustand';

export const SCREENS = ['overview', 'servers', 'ports', 'processes', 'report'] as const;
export type Screen = (typeof SCREENS)[number];

export interface UiSlice {
  screen: Screen;
  showScreen(screen: Screen): void;
}

export const createUiSlice: StateCreator<UiSlice, [], [], UiSlice> = (set) => ({
  screen: 'overview',
  showScreen: (screen) => set({ screen }),
});
