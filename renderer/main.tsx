import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DeskApp } from './app/DeskApp';
import { DeskProviders } from './app/DeskProviders';
import { ErrorBoundary } from './components/ErrorBoundary';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <DeskProviders>
      <ErrorBoundary resetKey="desk">
        <DeskApp />
      </ErrorBoundary>
    </DeskProviders>
  </StrictMode>,
);
