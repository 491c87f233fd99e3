/// <reference types="vite/client" />
import type { SyncDoctorApi } from '../app/ipc/contract';

declare global {
  interface Window {
    /** Put there by the preload (main/preload/index.ts); the renderer's only way to main. */
    readonly syncDoctor: SyncDoctorApi;
  }
}
