import { contextBridge, ipcRenderer } from 'electron';
import { exposeSyncDoctor } from './expose';

exposeSyncDoctor(contextBridge, ipcRenderer);
