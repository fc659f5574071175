import { useMemo } from 'react';
import { useLocation as useRouterLocation, type createBrowserRouter } from 'react-router';

/**
 * Routing is react-router's (routes in App.tsx). This file keeps the three things pages use —
 * `Link`, `navigate` and `useLocation` with the query as URLSearchParams — so a page needs no
 * router object: `navigate` also works from event handlers and async code.
 */
export { Link } from 'react-router';

type Router = ReturnType<typeof createBrowserRouter>;
let router: Router | null = null;

/** main.tsx hands over the router it created. */
export function setRouterForNavigate(created: Router): void {
  router = created;
}

export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (router) void router.navigate(to, { replace: options.replace });
  else window.location.assign(to);
}

export interface Location {
  pathname: string;
  search: URLSearchParams;
  hash: string;
}

export function useLocation(): Location {
  const location = useRouterLocation();
  const search = useMemo(() => new URLSearchParams(location.search), [location.search]);
  return { pathname: location.pathname, search, hash: location.hash };
}
