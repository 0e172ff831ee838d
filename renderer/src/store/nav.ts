// Navigation: the route lives in the URL hash (so reload, back and forward work) and is mirrored in this store so
// components subscribe to it like any other state.
import { create } from 'zustand';
import { parseRoute, routeToHash, type Route } from '../lib/route';

interface NavState {
  route: Route;
  navigate: (route: Route, options?: { replace?: boolean }) => void;
  /** Called on hashchange (back/forward, hand-edited URL). */
  syncFromLocation: () => void;
}

export const useNav = create<NavState>((set) => ({
  route: parseRoute(window.location.hash),
  navigate: (route, options) => {
    const hash = routeToHash(route);
    if (hash !== window.location.hash) {
      if (options?.replace) window.history.replaceState(null, '', hash);
      else window.history.pushState(null, '', hash);
    }
    set({ route });
  },
  syncFromLocation: () => set({ route: parseRoute(window.location.hash) }),
}));

export const navigate = (route: Route, options?: { replace?: boolean }) => useNav.getState().navigate(route, options);
