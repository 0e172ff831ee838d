// The window: sidebar and the current view. Views are chosen from the route; each owns its data.
import { useCallback, useEffect, useState } from 'react';
import { Calibration } from '../views/Calibration';
import { Cameras } from '../views/Cameras';
import { Compare } from '../views/Compare';
import { Dashboard } from '../views/Dashboard';
import { DeerGallery } from '../views/DeerGallery';
import { DeerProfile } from '../views/DeerProfile';
import { Export } from '../views/Export';
import { ImportView } from '../views/ImportView';
import { Models } from '../views/Models';
import { Photos } from '../views/Photos';
import { Review } from '../views/Review';
import { Survey } from '../views/Survey';
import { Viewer } from '../views/Viewer';
import { ToastBar } from '../components/ToastBar';
import { useNav } from '../store/nav';
import { ShortcutsHelp } from './ShortcutsHelp';
import { Sidebar } from './Sidebar';
import { missingServeToken, TokenGate } from './TokenGate';
import { useGlobalShortcuts } from './useGlobalShortcuts';
import { useHostEvents } from './useHostEvents';

function CurrentView() {
  const route = useNav((s) => s.route);
  switch (route.view) {
    case 'dashboard':
      return <Dashboard />;
    case 'import':
      return <ImportView />;
    case 'photos':
      return <Photos filters={route.filters} />;
    case 'viewer':
      return <Viewer key={route.imageId} imageId={route.imageId} filters={route.filters} atMs={route.atMs} />;
    case 'deer':
      return <DeerGallery compareWith={route.compareWith ?? null} />;
    case 'others':
      return <DeerGallery key="others" group="other" compareWith={null} />;
    case 'compare':
      return <Compare key={`${route.a}-${route.b}`} a={route.a} b={route.b} />;
    case 'deer-profile':
      return <DeerProfile key={route.individualId} individualId={route.individualId} />;
    case 'review':
      return <Review />;
    case 'calibration':
      return <Calibration />;
    case 'survey':
      return <Survey />;
    case 'cameras':
      return <Cameras />;
    case 'models':
      return <Models />;
    case 'export':
      return <Export />;
  }
}

export function App() {
  return missingServeToken() ? <TokenGate /> : <ConnectedApp />;
}

function ConnectedApp() {
  const [help, setHelp] = useState(false);
  const openHelp = useCallback(() => setHelp(true), []);
  useHostEvents();
  useGlobalShortcuts(openHelp);
  useEffect(() => {
    const sync = () => useNav.getState().syncFromLocation();
    window.addEventListener('popstate', sync);
    window.addEventListener('hashchange', sync);
    return () => {
      window.removeEventListener('popstate', sync);
      window.removeEventListener('hashchange', sync);
    };
  }, []);
  return (
    <div className="app">
      <Sidebar onHelp={openHelp} />
      <main className="main">
        <CurrentView />
      </main>
      <ToastBar />
      {help && <ShortcutsHelp onClose={() => setHelp(false)} />}
    </div>
  );
}
