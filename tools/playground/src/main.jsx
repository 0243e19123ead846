import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Monaco's editor, JSON and GraphQL workers, bundled by Vite and served from /playground/assets/.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './playground.css';
import { App } from './App.jsx';

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
