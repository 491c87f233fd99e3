import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Actions } from './actions';
import type { AppStore, StoreState } from './store';

interface Wiring {
  store: AppStore;
  actions: Actions;
}

const WiringContext = createContext<Wiring | undefined>(undefined);

export function StoreProvider({ store, actions, children }: Wiring & { children: ReactNode }) {
  return <WiringContext.Provider value={{ store, actions }}>{children}</WiringContext.Provider>;
}

function useWiring(): Wiring {
  const wiring = useContext(WiringContext);
  if (!wiring) throw new Error('StoreProvider is missing');
  return wiring;
}

/** Selects narrowly: a component re-renders only when what it selected changes. */
export function useAppStore<T>(selector: (state: StoreState) => T): T {
  return useStore(useWiring().store, selector);
}

export function useActions(): Actions {
  return useWiring().actions;
}
