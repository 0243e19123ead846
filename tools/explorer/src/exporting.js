// Export of the visible scene: PNG (sigma's layers composited), SVG (drawn from the model), CSV and GraphML of its
// nodes and edges. Hidden and filtered-out elements are left out: what is exported is what the analyst sees.
import { shapeMarkup } from './shapes.js';

function download(name, blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

function visible(scene) {
  const g = scene.graph;
  const nodes = g.filterNodes((n, a) => !a.hidden);
  const edges = g.filterEdges((e, a) => !a.hidden);
  return { g, nodes, edges };
}

export function exportPng(renderer) {
  // Render now and copy in the same task: WebGL layers are only readable right after they are drawn.
  renderer.refresh();
  const { width, height } = renderer.getDimensions();
  const ratio = window.devicePixelRatio || 1;
  const canvas = document.createElement('canvas');
  canvas.width = width * ratio;
  canvas.height = height * ratio;
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  for (const layer of Object.values(renderer.getCanvases())) ctx.drawImage(layer, 0, 0, canvas.width, canvas.height);
  canvas.toBlob((blob) => download('scene.png', blob), 'image/png');
}

const xml = (s) => String(s).replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]);

export function sceneSvg(scene, renderer) {
  const { g, nodes, edges } = visible(scene);
  const { width, height } = renderer.getDimensions();
  const pos = new Map(nodes.map((n) => [n, renderer.graphToViewport(g.getNodeAttributes(n))]));
  const parts = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif">`,
    '<rect width="100%" height="100%" fill="#ffffff"/>'];
  for (const e of edges) {
    const a = g.getEdgeAttributes(e);
    const s = pos.get(g.source(e));
    const t = pos.get(g.target(e));
    if (!s || !t) continue;
    parts.push(`<line x1="${s.x.toFixed(1)}" y1="${s.y.toFixed(1)}" x2="${t.x.toFixed(1)}" y2="${t.y.toFixed(1)}" stroke="${a.color}" stroke-width="${a.size}"><title>${xml(a.label)}</title></line>`);
    parts.push(`<text x="${((s.x + t.x) / 2).toFixed(1)}" y="${((s.y + t.y) / 2).toFixed(1)}" font-size="9" fill="#555" text-anchor="middle">${xml(a.label)}</text>`);
  }
  for (const n of nodes) {
    const a = g.getNodeAttributes(n);
    const p = pos.get(n);
    parts.push(shapeMarkup(a.type ?? 'circle', p.x, p.y, a.size, a.color, `<title>${xml(n)}</title>`));
    parts.push(`<text x="${(p.x + a.size + 3).toFixed(1)}" y="${(p.y + 4).toFixed(1)}" font-size="12">${xml(a.label)}</text>`);
  }
  parts.push('</svg>');
  return parts.join('\n');
}

export function exportSvg(scene, renderer) {
  download('scene.svg', new Blob([sceneSvg(scene, renderer)], { type: 'image/svg+xml' }));
}

const csvCell = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** nodes and edges of the visible scene as two CSV tables (one relationship per row). */
export function sceneCsv(scene) {
  const { g, nodes, edges } = visible(scene);
  const nodeRows = [['id', 'name', 'kind', 'degree'], ...nodes.map((n) => { const a = g.getNodeAttributes(n); return [n, a.label, a.kind, a.degree]; })];
  const edgeRows = [['relationshipId', 'type', 'source', 'target', 'caption', 'confidence', 'evidenceCount', 'conflict']];
  for (const e of edges) {
    for (const id of g.getEdgeAttribute(e, 'rels')) {
      const r = scene.relationships.get(id);
      edgeRows.push([r.relationshipId, r.type, r.from.actorId, r.to.actorId, r.caption, r.confidence, r.evidenceCount, r.conflicts.length > 0]);
    }
  }
  const text = (rows) => rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
  return { nodes: text(nodeRows), edges: text(edgeRows) };
}

export function exportCsv(scene) {
  const { nodes, edges } = sceneCsv(scene);
  download('nodes.csv', new Blob([nodes], { type: 'text/csv' }));
  download('edges.csv', new Blob([edges], { type: 'text/csv' }));
}

export function sceneGraphml(scene) {
  const { g, nodes, edges } = visible(scene);
  const out = ['<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '<key id="name" for="node" attr.name="name" attr.type="string"/>',
    '<key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '<key id="type" for="edge" attr.name="type" attr.type="string"/>',
    '<key id="confidence" for="edge" attr.name="confidence" attr.type="double"/>',
    '<key id="evidenceCount" for="edge" attr.name="evidenceCount" attr.type="int"/>',
    '<graph edgedefault="directed">'];
  for (const n of nodes) {
    const a = g.getNodeAttributes(n);
    out.push(`<node id="${xml(n)}"><data key="name">${xml(a.label)}</data><data key="kind">${xml(a.kind)}</data></node>`);
  }
  for (const e of edges) {
    for (const id of g.getEdgeAttribute(e, 'rels')) {
      const r = scene.relationships.get(id);
      out.push(`<edge id="${xml(r.relationshipId)}" source="${xml(r.from.actorId)}" target="${xml(r.to.actorId)}"><data key="type">${r.type}</data><data key="confidence">${r.confidence}</data><data key="evidenceCount">${r.evidenceCount}</data></edge>`);
    }
  }
  out.push('</graph>', '</graphml>');
  return out.join('\n') + '\n';
}

export function exportGraphml(scene) {
  download('scene.graphml', new Blob([sceneGraphml(scene)], { type: 'application/graphml+xml' }));
}
