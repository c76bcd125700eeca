import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, preloadRouteCode } from './App.tsx';
import { AuthProvider } from './auth/AuthProvider.tsx';
import { I18nProvider, prepareI18n } from './i18n/i18n.tsx';
import { applyInitialTheme, ConfirmProvider, ThemeProvider, ToastProvider } from './ui/index.ts';
import './ui/tokens.css';
import './ui/ui.css';
import './styles.css';

applyInitialTheme();
preloadRouteCode(window.location.pathname);
const root = document.getElementById('root');
if (!root) throw new Error('missing #root');
// The first render waits for the one language catalogue it needs (a small chunk of its own).
void prepareI18n().then(() =>
  createRoot(root).render(
    <StrictMode>
      <I18nProvider>
        <ThemeProvider>
          <ToastProvider>
            <ConfirmProvider>
              <AuthProvider>
                <App />
              </AuthProvider>
            </ConfirmProvider>
          </ToastProvider>
        </ThemeProvider>
      </I18nProvider>
    </StrictMode>,
  ),
);
