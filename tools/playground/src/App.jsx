import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { GraphiQL } from 'graphiql';
import { useGraphiQL, useGraphiQLActions } from '@graphiql/react';
import { graphqlFetcher } from './fetcher.js';
import { loadExamples } from './examples.js';

const PRODUCT_NAME = 'Graph relationship explorer';

/**
 * Fills the editors from the tab GraphiQL opens with. GraphiQL 5 seeds the variables and headers editors only from
 * its own last-typed values, never from the opening tab, so the first example (given as the default tab) showed an
 * empty variables pane and its Run failed for want of its variables. Runs once, when the editors exist. GraphiQL also
 * reopens, on the next visit, the tab whose text equals its last-typed query and variables (else it adds an empty
 * tab), so those are stored as the opening tab's too.
 */
function FillEditorsFromOpeningTab() {
  const tab = useGraphiQL((s) => s.tabs[s.activeTabIndex]);
  const storage = useGraphiQL((s) => s.storage);
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const variableEditor = useGraphiQL((s) => s.variableEditor);
  const headerEditor = useGraphiQL((s) => s.headerEditor);
  const done = useRef(false);
  useEffect(() => {
    if (done.current || !tab || !queryEditor || !variableEditor) return;
    done.current = true;
    const parts = [
      [queryEditor, tab.query],
      [variableEditor, tab.variables],
      [headerEditor, tab.headers],
    ];
    for (const [editor, text] of parts) {
      if (editor && text && editor.getValue() === '') editor.setValue(text);
    }
    storage.set('query', tab.query ?? '');
    storage.set('variables', tab.variables ?? '');
  }, [tab, storage, queryEditor, variableEditor, headerEditor]);
  return null;
}

/**
 * Wraps long lines in the operation, variables and headers editors (an example's variables can hold a whole
 * article), so nothing hides past the right edge.
 */
function WrapLongLines() {
  const editors = [useGraphiQL((s) => s.queryEditor), useGraphiQL((s) => s.variableEditor), useGraphiQL((s) => s.headerEditor)];
  useEffect(() => {
    for (const editor of editors) editor?.updateOptions({ wordWrap: 'on', wrappingIndent: 'indent' });
  }, editors);
  return null;
}

/**
 * Opens the variables pane under the operation editor. GraphiQL keeps that pane's visibility in internal
 * state with no API, so this presses its own "Variables" tab button, which shows the pane if hidden.
 */
function showVariablesEditor() {
  document.querySelector('.graphiql-editor-tools button[data-name="variables"]')?.click();
}

/**
 * The example list. It is rendered inside GraphiQL (to reach its editors) but shown in the header bar
 * through a portal, so the header stays outside GraphiQL's own layout.
 */
function ExamplePicker({ examples, slot }) {
  const queryEditor = useGraphiQL((s) => s.queryEditor);
  const variableEditor = useGraphiQL((s) => s.variableEditor);
  const { setOperationName } = useGraphiQLActions();
  const [selected, setSelected] = useState('');

  if (!slot || examples.length === 0) return null;

  const onChange = (event) => {
    const value = event.target.value;
    setSelected(value);
    const example = examples[Number(value)];
    if (!example) return;
    // Setting the editors' text fires GraphiQL's change handlers, which store it in the active tab.
    queryEditor?.setValue(example.query);
    variableEditor?.setValue(example.variables);
    // GraphiQL learns the operation's name from the new text only after a short debounce: a Run before that sent the
    // new query with the previous example's name ("Unknown operation named ..."). Name it now.
    const name = /^\s*(?:query|mutation|subscription)\s+([_A-Za-z][_0-9A-Za-z]*)/m.exec(example.query)?.[1];
    if (name) setOperationName(name);
    if (example.variables) showVariablesEditor();
  };

  const current = selected === '' ? null : examples[Number(selected)];
  return createPortal(
    <>
      <label className="gre-examples">
        <span>Example queries</span>
        <select
          aria-label="Example queries"
          data-testid="example-queries"
          value={selected}
          onChange={onChange}
          disabled={!queryEditor}
        >
          <option value="" disabled>
            Choose an example…
          </option>
          {examples.map((ex, i) => (
            <option key={i} value={String(i)} title={ex.description}>
              {ex.title}
            </option>
          ))}
        </select>
      </label>
      {current?.description ? <span className="gre-example-description">{current.description}</span> : null}
    </>,
    slot,
  );
}

/** The whole page: product header bar above a full-height GraphiQL bound to /graphql. */
export function App() {
  const [state, setState] = useState(null);
  const [slot, setSlot] = useState(null);

  useEffect(() => {
    let live = true;
    loadExamples().then((result) => {
      if (!live) return;
      result.problems.forEach((p) => console.warn(`[playground] ${p}`));
      setState(result);
    });
    return () => {
      live = false;
    };
  }, []);

  const first = state?.examples[0];
  return (
    <div className="gre-app">
      <header className="gre-header">
        <h1 className="gre-title">{PRODUCT_NAME}</h1>
        <div className="gre-header-tools" ref={setSlot} />
        {state?.problems.length ? (
          <span className="gre-problem" role="status" title={state.problems.join('\n')}>
            {state.examples.length === 0 ? 'Examples unavailable: ' : 'Some examples were skipped: '}
            {state.problems[0]}
          </span>
        ) : null}
      </header>
      <main className="gre-main">
        {state === null ? (
          <p className="gre-loading">Loading the playground…</p>
        ) : (
          <GraphiQL
            fetcher={graphqlFetcher}
            // Only used when the browser has no saved tabs: a first visit opens on the first example.
            defaultTabs={first ? [{ query: first.query, variables: first.variables }] : undefined}
            defaultEditorToolsVisibility={first?.variables ? 'variables' : undefined}
          >
            <GraphiQL.Logo>GraphQL playground</GraphiQL.Logo>
            <FillEditorsFromOpeningTab />
            <WrapLongLines />
            <ExamplePicker examples={state.examples} slot={slot} />
          </GraphiQL>
        )}
      </main>
    </div>
  );
}
