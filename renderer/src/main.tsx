import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api';
import { App } from './app/App';
import { ApiProvider } from './data/apiContext';
import { installTheme } from './store/theme';
import './styles/theme.css';
import './styles/app.css';

installTheme();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ApiProvider api={api()}>
      <App />
    </ApiProvider>
  </StrictMode>,
);
