import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { routes } from './App';
import { setRouterForNavigate } from './router';
import './styles.css';

/**
 * One query cache for the app. The request wrapper already retries network failures for
 * idempotent calls, so the cache does not retry again (a 404 must show "not found" at once).
 * Pages that should follow the server (fieldwork) ask for refetchInterval themselves.
 */
const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false, staleTime: 0 },
  },
});

const router = createBrowserRouter(routes);
setRouterForNavigate(router);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  </StrictMode>,
);
