// The API client reaches components through context, so a test or a storybook can hand them another transport.
import { createContext, useContext, type ReactNode } from 'react';
import type { ThumperApi } from '../../../core/contract/client';

const ApiContext = createContext<ThumperApi | null>(null);

export function ApiProvider({ api, children }: { api: ThumperApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useApi(): ThumperApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApi outside ApiProvider');
  return api;
}
