import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api';
import { App } from './app/App';
import { ApiProvider } from './data/apiContext';
import { QueryProvider } from './data/QueryProvider';
import { installTheme } from './store/theme';
import './styles/theme.css';
import './styles/app.css';

installTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider api={api()}>
      <QueryProvider>
        <App />
      </QueryProvider>
    </ApiProvider>
  </StrictMode>,
);
