import { contextBridge } from 'electron';
import { createApi } from './api';
import { invoke, subscribe } from './ipc-renderer';

contextBridge.exposeInMainWorld('syncDoctor', Object.freeze(createApi({ invoke, subscribe })));
