import { createContext, useContext } from 'react';
import type { Session } from './auth/session';

export interface SiteInfo {
  id: string;
  name: string;
  timeZone: string;
  areas: { id: string; name: string; areaManagerId?: string | null }[];
}

export interface ConsoleContext {
  session: Session;
  sites: SiteInfo[];
  /** The site's time zone (for dates shown in the site's time). */
  zoneOf: (siteId: string | null | undefined) => string | undefined;
  siteName: (siteId: string | null | undefined) => string;
  areaName: (areaId: string | null | undefined) => string;
  go: (hash: string) => void;
}

export const Ctx = createContext<ConsoleContext | null>(null);

export function useConsole(): ConsoleContext {
  const c = useContext(Ctx);
  if (!c) throw new Error('useConsole outside the signed-in console');
  return c;
}
