import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// Monaco's editor, JSON and GraphQL workers, bundled by build.mjs and served from /playground/assets/.
import './workers.js';
import 'graphiql/style.css';
import './playground.css';
import { App } from './App.jsx';

createRoot(document.getElementById('root')).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
