// The query cache for the whole window, kept fresh by the host's change events. Inside ApiProvider.
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { useApi } from './apiContext';
import { invalidateOnChanges } from './invalidation';
import { createQueryClient } from './queryClient';

export function QueryProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const [client] = useState(createQueryClient);
  useEffect(() => invalidateOnChanges(api, client), [api, client]);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
