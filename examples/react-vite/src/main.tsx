import { SessionTrackerProvider } from '@spoor/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './App';
import { trackerOptions } from './spoor';
import './styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

createRoot(root).render(
  <StrictMode>
    <SessionTrackerProvider options={trackerOptions}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </SessionTrackerProvider>
  </StrictMode>,
);
