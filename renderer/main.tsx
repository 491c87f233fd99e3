import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { createActions } from './store/actions';
import { StoreProvider } from './store/context';
import { createAppStore } from './store/store';
import './styles/app.css';

const store = createAppStore();
const actions = createActions(store, window.syncDoctor);
actions.connect();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <StoreProvider store={store} actions={actions}>
      <App />
    </StoreProvider>
  </StrictMode>,
);
