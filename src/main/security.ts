// The Electron security checklist in one place: window options, CSP, navigation, permissions, IPC senders.

import type { WebPreferences } from 'electron';

/** The custom scheme and host the renderer is loaded from; nothing else may call the contract. */
export const APP_ORIGIN = 'app://marginalia';

/** The secure defaults of the one window, checked by the shell test. */
export function secureWebPreferences(preload: string): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** True when an IPC message comes from the app's own top frame. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  if (!frameUrl) return false;
  try {
    const u = new URL(frameUrl);
    return u.protocol === 'app:' && u.host === 'marginalia';
  } catch {
    return false;
  }
}

/** True for links that may be handed to the system browser: http(s) only. */
export function isExternalWebLink(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}
