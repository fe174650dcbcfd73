import { useSyncExternalStore } from 'react';

/** The vendors a client is about to compare, kept in this browser (localStorage) across pages and visits. */
export type TrayVendor = { slug: string; name: string };

export const trayLimit = 5;
const storageKey = 'marketplace.compareTray';
const listeners = new Set<() => void>();
let cached: TrayVendor[] | null = null;

function read(): TrayVendor[] {
  if (cached) return cached;
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(storageKey) ?? '[]');
    cached = Array.isArray(parsed) ? parsed.filter((v): v is TrayVendor => typeof v?.slug === 'string' && typeof v?.name === 'string').slice(0, trayLimit) : [];
  } catch {
    cached = [];
  }
  return cached;
}

function write(vendors: TrayVendor[]) {
  cached = vendors;
  localStorage.setItem(storageKey, JSON.stringify(vendors));
  listeners.forEach((notify) => notify());
}

function subscribe(notify: () => void) {
  listeners.add(notify);
  // Another tab changed the tray.
  const onStorage = (e: StorageEvent) => {
    if (e.key === storageKey) {
      cached = null;
      notify();
    }
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(notify);
    window.removeEventListener('storage', onStorage);
  };
}

export function useCompareTray() {
  const vendors = useSyncExternalStore(subscribe, read);
  return {
    vendors,
    has: (slug: string) => vendors.some((v) => v.slug === slug),
    isFull: vendors.length >= trayLimit,
    add: (vendor: TrayVendor) => {
      if (!read().some((v) => v.slug === vendor.slug) && read().length < trayLimit) write([...read(), vendor]);
    },
    remove: (slug: string) => write(read().filter((v) => v.slug !== slug)),
    clear: () => write([]),
  };
}

/** The compare page's address for these vendors. */
export const compareUrl = (slugs: string[]) => `/vendors/compare?${slugs.map((s) => `slug=${encodeURIComponent(s)}`).join('&')}`;
