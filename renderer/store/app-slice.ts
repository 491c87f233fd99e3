import type { StateCreator } from 'zustand';
import type { AppInfo } from '../../app/ipc/contract';

type AppInfoState = { status: 'loading' } | { status: 'ready'; info: AppInfo } | { status: 'failed'; message: string };

export interface AppSlice {
  app: AppInfoState;
  appInfoLoaded(info: AppInfo): void;
  appInfoFailed(message: string): void;
}

export const createAppSlice: StateCreator<AppSlice, [], [], AppSlice> = (set) => ({
  app: { status: 'loading' },
  appInfoLoaded: (info) => set({ app: { status: 'ready', info } }),
  appInfoFailed: (message) => set({ app: { status: 'failed', message } }),
});
