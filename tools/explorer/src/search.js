// The search box: actor names and aliases as the analyst types (the API folds case and accents), and text search in
// quotes and documents. Arrow keys move through the suggestions, Enter picks one.
import { graphql } from './api.js';
import * as q from './queries.js';
import { el, clear } from './dom.js';
import { title } from './style.js';
import { kindColour } from './style.js';

export function createSearch(input, list, { pickActor, pickText, showError }) {
  let options = [];
  let active = -1;
  let timer = null;
  let generation = 0;

  function close() {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function render() {
    clear(list);
    options.forEach((o, i) => {
      const id = `suggestion-${i}`;
      const item = el('li', { id, role: 'option', class: 'suggestion', 'aria-selected': i === active ? 'true' : 'false', onmousedown: (e) => { e.preventDefault(); choose(i); } },
        o.kind === 'actor'
          ? [el('span', { class: 'kind-dot', style: `background:${kindColour(o.actor.kind)}` }), el('strong', {}, o.actor.name), ' ', el('span', { class: 'muted' }, title(o.actor.kind)),
            o.matchedAlias ? el('span', { class: 'muted' }, ` · alias “${o.matchedAlias}”`) : null]
          : [el('span', { class: 'muted' }, o.hit.relationship ? 'quote · ' : 'document · '), el('strong', {}, o.hit.title), el('div', { class: 'snippet' }, o.hit.snippet)]);
      list.append(item);
    });
    if (options.length === 0) list.append(el('li', { class: 'muted', role: 'presentation' }, 'No actor or text matches.'));
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    if (active >= 0) input.setAttribute('aria-activedescendant', `suggestion-${active}`);
  }

  async function suggest(text) {
    const mine = ++generation;
    try {
      const [actors, texts] = await Promise.all([
        graphql(q.searchActors, { q: text }),
        text.length >= 3 ? graphql(q.searchText, { q: text }).catch(() => ({ textSearch: [] })) : Promise.resolve({ textSearch: [] }),
      ]);
      if (mine !== generation) return;
      const lower = text.toLowerCase();
      options = [
        ...(actors.actors?.nodes ?? []).map((a) => ({
          kind: 'actor',
          actor: a,
          matchedAlias: a.name.toLowerCase().includes(lower) ? null : a.aliases.find((x) => x.toLowerCase().includes(lower)),
        })),
        ...(texts.textSearch ?? []).map((hit) => ({ kind: 'text', hit })),
      ];
      active = options.length > 0 ? 0 : -1;
      render();
    } catch (e) {
      if (mine === generation) showError(e.message);
    }
  }

  function choose(i) {
    const o = options[i];
    if (!o) return;
    close();
    input.value = '';
    if (o.kind === 'actor') pickActor(o.actor);
    else pickText(o.hit);
  }

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const text = input.value.trim();
    if (text.length < 1) {
      close();
      return;
    }
    timer = setTimeout(() => suggest(text), 120);
  });
  input.addEventListener('keydown', (e) => {
    if (list.hidden) return;
    if (e.key === 'ArrowDown') { active = Math.min(active + 1, options.length - 1); render(); e.preventDefault(); }
    else if (e.key === 'ArrowUp') { active = Math.max(active - 1, 0); render(); e.preventDefault(); }
    else if (e.key === 'Enter') { choose(active); e.preventDefault(); }
    else if (e.key === 'Escape') { close(); e.stopPropagation(); }
  });
  input.addEventListener('blur', () => setTimeout(close, 150));
}
