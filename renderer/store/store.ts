import { create } from 'zustand';
import { createWizardSlice, type WizardSlice } from '../wizard/slice';
import { createAppSlice, type AppSlice } from './app-slice';
import { createRunSlice, type RunSlice } from './run-slice';
import { createUiSlice, type UiSlice } from './ui-slice';
import { createReportSlice, type ReportSlice } from '../report/report-slice';

export type StoreState = RunSlice & AppSlice & UiSlice & ReportSlice & WizardSlice;

/** A fresh store (tests make their own); the app uses the one below. */
export function createAppStore() {
  return create<StoreState>()((...a) => ({
    ...createRunSlice(...a),
    ...createAppSlice(...a),
    ...createUiSlice(...a),
    ...createReportSlice(...a),
    ...createWizardSlice(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
