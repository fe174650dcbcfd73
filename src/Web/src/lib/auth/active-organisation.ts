import { useSyncExternalStore } from 'react';

/** The organisation the person works in, remembered per browser; the Api verifies the membership on each request. */
const storageKey = 'marketplace.organisation';
const listeners = new Set<() => void>();

export const activeOrganisationId = () => window.localStorage.getItem(storageKey);

export const setActiveOrganisationId = (id: string | null) => {
  if (id) window.localStorage.setItem(storageKey, id);
  else window.localStorage.removeItem(storageKey);
  listeners.forEach((listener) => listener());
};

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};

export const useActiveOrganisationId = () => useSyncExternalStore(subscribe, activeOrganisationId);
