// The document reader: the text with every known actor's mentions (found by the server: Document.mentions) and every
// evidence quote highlighted; clicking a highlight puts the actor or the relationship on the canvas and selects it.
import { graphql } from './api.js';
import * as q from './queries.js';
import { el, clear } from './dom.js';

/**
 * Splits the text at every highlight boundary; each piece knows the quotes and the mention covering it, and whether it
 * lies in the proposed quote being reviewed (`proposed`: [start, end] or null).
 */
function pieces(text, quotes, mentions, proposed) {
  const cuts = new Set([0, text.length]);
  for (const x of [...quotes, ...mentions, ...(proposed ? [proposed] : [])]) { cuts.add(x[0]); cuts.add(x[1]); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < points.length - 1; i++) {
    const [s, e] = [points[i], points[i + 1]];
    out.push({
      s, e,
      quotes: quotes.filter((x) => x[0] <= s && x[1] >= e),
      mention: mentions.find((x) => x[0] <= s && x[1] >= e),
      proposed: !!proposed && proposed[0] <= s && proposed[1] >= e,
    });
  }
  return out;
}

export async function openReader(dialog, documentId, focus, { scene, selectRelationship, selectActor }) {
  const body = dialog.querySelector('.reader-body');
  const titleNode = dialog.querySelector('.reader-title');
  clear(titleNode, 'Loading the document…');
  clear(body);
  dialog.hidden = false;
  let doc;
  try {
    doc = (await graphql(q.documentText, { id: documentId })).document;
  } catch (e) {
    clear(titleNode, 'The document could not be opened');
    clear(body, el('p', { class: 'error', role: 'alert' }, e.message));
    return;
  }
  clear(titleNode, doc.title);
  const meta = [doc.publisher?.name, doc.published, doc.url].filter(Boolean).join(' · ');

  // Mentions: where the server found the graph's actors named. Quotes: every relationship with evidence in this
  // document reachable from an actor on the canvas or mentioned in the text, read through the neighbourhood query.
  const mentions = doc.mentions.map((m) => [m.start, m.end, m.actor.actorId, m.actor.name]);
  const centres = [...new Set([...scene.graph.nodes().slice(0, 3), ...mentions.map((m) => m[2])])].slice(0, 6);
  const quotes = [];
  const seen = new Set();
  const reached = new Set();
  for (const centre of centres) {
    if (reached.has(centre)) continue;
    try {
      const data = await graphql(q.documentEdges, { actor: centre, document: doc.documentId });
      for (const n of data.neighbourhood.nodes) reached.add(n.actor.actorId);
      for (const edge of data.neighbourhood.edges) {
        const r = edge.relationship;
        for (const e of r.evidence.nodes) {
          const key = `${r.id}:${e.start}`;
          if (e.documentId !== doc.documentId || seen.has(key)) continue;
          seen.add(key);
          quotes.push([e.start, e.end, r.id, r.caption]);
        }
      }
    } catch {
      // An actor the filter leaves no edge for answers with its own node only, or an error: try the next one.
    }
  }

  // A proposal under review is not evidence yet: its quote is marked apart, so the reviewer sees it in its context.
  const proposed = focus?.proposal ? [focus.start, focus.end] : null;
  const paragraphs = [];
  let current = el('p');
  for (const piece of pieces(doc.text, quotes, mentions, proposed)) {
    const chunks = doc.text.slice(piece.s, piece.e).split(/\n{2,}/);
    chunks.forEach((chunk, i) => {
      if (i > 0) { paragraphs.push(current); current = el('p'); }
      let node = document.createTextNode(chunk);
      if (piece.mention) {
        const [, , actorId, name] = piece.mention;
        node = el('span', { class: 'mention', role: 'button', tabindex: '0', title: `Show ${name} on the canvas`, dataset: { actor: actorId, start: piece.mention[0] },
          onclick: (ev) => { ev.stopPropagation(); selectActor(actorId); },
          onkeydown: (ev) => { if (ev.key === 'Enter') selectActor(actorId); } }, node);
      }
      // Inside an evidence quote's mark, so its colour shows over the quote's.
      if (piece.proposed) node = el('mark', { class: 'proposed', title: 'The quote of the proposal under review' }, node);
      if (piece.quotes.length) {
        const [, , relId, caption] = piece.quotes[0];
        node = el('mark', { class: 'quote', role: 'button', tabindex: '0', title: caption, dataset: { relationship: relId, start: piece.quotes[0][0] },
          onclick: () => selectRelationship(relId),
          onkeydown: (ev) => { if (ev.key === 'Enter') selectRelationship(relId); } }, node);
      }
      current.append(node);
    });
  }
  paragraphs.push(current);
  clear(body, el('p', { class: 'muted' }, meta, ` · ${quotes.length} quote(s), ${mentions.length} mention(s) highlighted`), paragraphs);
  if (proposed) {
    const first = body.querySelector('mark.proposed');
    if (first) first.scrollIntoView({ block: 'center' });
  } else if (focus) {
    const target = [...body.querySelectorAll('mark.quote')].find((m) => Number(m.dataset.start) === focus.start);
    if (target) {
      target.classList.add('focused');
      target.scrollIntoView({ block: 'center' });
    }
  }
}
