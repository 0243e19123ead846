// The canvas: sigma drawing the scene's graphology graph, what a click or a drag does, highlighting, layouts and fit.
// Work is done when the scene or the highlight changes (reducers read precomputed sets), never per frame.
// Edges are hit-tested here, on a click or a pointer move, instead of by sigma's edge events: those draw every edge
// a second time into a picking buffer on every frame, which cost a third of the pan/zoom frame rate.
import Sigma from 'sigma';
import { animateNodes } from 'sigma/utils';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { nodeShapePrograms } from './shapes.js';

const dimNode = '#d9dde3';
const dimEdge = '#eceef1';

export class Canvas {
  constructor(container, scene, handlers) {
    this.scene = scene;
    this.handlers = handlers;
    this.highlight = null; // { nodes: Set, edges: Set } of a path or a selection's neighbourhood
    this.selectedNodes = [];
    this.selectedEdge = null;
    this.layout = null;
    const graph = scene.graph;
    this.renderer = new Sigma(graph, container, {
      renderEdgeLabels: true,
      enableEdgeEvents: false, // see edgeAt
      labelRenderedSizeThreshold: 7,
      labelDensity: 0.8,
      labelGridCellSize: 90,
      labelSize: 13,
      labelWeight: '600',
      edgeLabelSize: 11,
      defaultEdgeType: 'arrow',
      defaultNodeType: 'circle',
      nodeProgramClasses: nodeShapePrograms,
      zIndex: true,
      minCameraRatio: 0.02,
      maxCameraRatio: 30,
      nodeReducer: (node, data) => this.nodeReducer(node, data),
      edgeReducer: (edge, data) => this.edgeReducer(edge, data),
    });
    this.bindEvents();
    this.warmPrograms();
  }

  /**
   * Draws one transparent actor of every shape and an edge of every type once, while the canvas is still empty: a
   * software renderer (SwiftShader, on machines with no GPU) compiles each shader on its first draw, which otherwise
   * lands on the first expand that brings a new kind (the 500-neighbour expand spent ~150 ms there).
   */
  warmPrograms() {
    const graph = this.scene.graph;
    if (graph.order > 0) return;
    const invisible = 'rgba(0,0,0,0)';
    const ids = Object.keys(nodeShapePrograms).map((type) => {
      const id = `warm-up:${type}`;
      graph.addNode(id, { x: 0, y: 0, size: 1, color: invisible, type, label: '', hidden: false });
      return id;
    });
    graph.addDirectedEdgeWithKey('warm-up:arrow', ids[0], ids[1], { type: 'arrow', color: invisible, size: 1, hidden: false });
    graph.addDirectedEdgeWithKey('warm-up:line', ids[1], ids[0], { type: 'line', color: invisible, size: 1, hidden: false });
    this.renderer.refresh();
    graph.clear();
    this.renderer.refresh();
  }

  nodeReducer(node, data) {
    const selected = this.selectedNodes.includes(node);
    if (!this.highlight && !selected) return data;
    const out = { ...data };
    if (selected) {
      // sigma labels every edge of a highlighted node, each frame: a hub's hundreds of labels would cost more than
      // they say, so a hub is shown selected by its own label and size only.
      out.highlighted = this.scene.graph.degree(node) <= 60;
      out.size = data.size + 2;
      out.zIndex = 2;
      out.forceLabel = true;
    } else if (this.highlight && !this.highlight.nodes.has(node)) {
      out.color = dimNode;
      out.label = '';
      out.zIndex = 0;
    } else if (this.highlight) {
      out.forceLabel = true;
      out.zIndex = 1;
    }
    return out;
  }

  edgeReducer(edge, data) {
    if (edge === this.selectedEdge) return { ...data, color: '#111111', size: data.size + 2, zIndex: 2, forceLabel: true };
    if (!this.highlight) return data;
    if (this.highlight.edges.has(edge)) return { ...data, color: data.conflict ? data.color : '#e6550d', size: data.size + 1.5, zIndex: 1, forceLabel: true };
    return { ...data, color: dimEdge, label: '', zIndex: 0 };
  }

  bindEvents() {
    const r = this.renderer;
    const graph = this.scene.graph;
    let dragged = null;
    let moved = false;
    const clickNode = (node, event) => {
      if (moved) return;
      this.handlers.nodeClicked(node, event.original.shiftKey || event.original.ctrlKey || event.original.metaKey);
    };
    const clickStage = (event) => {
      const edge = this.edgeAt(event);
      if (edge) this.handlers.edgeClicked(edge);
      else this.handlers.stageClicked();
    };
    // Sigma calls any two clicks on the canvas within its timeout a double click, wherever they land (and its reset
    // timer runs late on a busy page), and then reports no click: clicking one actor and then another expanded the
    // second. The browser's click count (two clicks at one place) decides; anything else is the click it was.
    const isDouble = (event) => event.original.detail >= 2;
    r.on('clickNode', ({ node, event }) => clickNode(node, event));
    r.on('doubleClickNode', ({ node, event }) => {
      event.preventSigmaDefault();
      if (isDouble(event)) this.handlers.nodeExpand(node);
      else clickNode(node, event);
    });
    r.on('clickStage', ({ event }) => clickStage(event));
    r.on('doubleClickStage', ({ event }) => {
      if (isDouble(event)) return; // sigma zooms in
      event.preventSigmaDefault();
      clickStage(event);
    });
    let overNode = false;
    r.on('enterNode', () => {
      overNode = true;
      r.getContainer().style.cursor = 'pointer';
    });
    r.on('leaveNode', () => {
      overNode = false;
      r.getContainer().style.cursor = '';
    });
    // Dragging a node moves it and pins it, so the force layout leaves it where the analyst put it.
    r.on('downNode', ({ node }) => {
      dragged = node;
      moved = false;
    });
    const captor = r.getMouseCaptor();
    // The pointer over an edge shows it can be clicked; not while the camera or a node is dragged. ("mousemove" comes
    // after sigma has said whether the pointer left a node.)
    captor.on('mousemove', (e) => {
      if (!dragged && !overNode && !captor.isMoving && !captor.draggedEvents) r.getContainer().style.cursor = this.edgeAt(e) ? 'pointer' : '';
    });
    captor.on('mousemovebody', (e) => {
      if (!dragged) return;
      moved = true;
      const pos = r.viewportToGraph(e);
      graph.mergeNodeAttributes(dragged, { x: pos.x, y: pos.y, fixed: true });
      e.preventSigmaDefault();
      e.original.preventDefault();
      e.original.stopPropagation();
    });
    captor.on('mouseup', () => {
      if (dragged && moved) this.handlers.nodeMoved(dragged);
      dragged = null;
      setTimeout(() => { moved = false; }, 0);
    });
  }

  /**
   * Only the actors and edges whose look changes are run through the reducers again, and the frame is drawn on the next
   * animation frame: a click returns at once (the evidence request is already on its way) instead of redrawing the
   * whole scene first.
   */
  select(nodes, edge = null, { draw = true } = {}) {
    const graph = this.scene.graph;
    const changedNodes = new Set([...this.selectedNodes, ...nodes].filter((n) => graph.hasNode(n)));
    const changedEdges = [this.selectedEdge, edge].filter((e) => e && graph.hasEdge(e));
    this.selectedNodes = nodes;
    this.selectedEdge = edge;
    const redraw = () => this.renderer.refresh({ partialGraph: { nodes: [...changedNodes].filter((n) => graph.hasNode(n)), edges: changedEdges.filter((e) => graph.hasEdge(e)) }, schedule: true });
    if (draw) redraw();
    return redraw;
  }

  setHighlight(highlight) {
    this.highlight = highlight;
    this.renderer.refresh({ schedule: true });
  }

  /** Edge labels cost a text draw each, every frame: above 500 edges the canvas shows node labels only (the list view and the panels name every edge). */
  tuneForSize() {
    const big = this.scene.graph.size > 500;
    this.renderer.setSetting('renderEdgeLabels', !big);
  }

  /** Fits the camera to the visible actors (all of them when none is visible). */
  fit(animate = true) {
    const graph = this.scene.graph;
    let minX = Infinity; let maxX = -Infinity; let minY = Infinity; let maxY = -Infinity;
    graph.forEachNode((n, a) => {
      if (a.hidden) return;
      minX = Math.min(minX, a.x); maxX = Math.max(maxX, a.x); minY = Math.min(minY, a.y); maxY = Math.max(maxY, a.y);
    });
    if (minX === Infinity) {
      this.renderer.setCustomBBox(null);
    } else {
      const pad = Math.max(maxX - minX, maxY - minY, 40) * 0.08;
      this.renderer.setCustomBBox({ x: [minX - pad, maxX + pad], y: [minY - pad, maxY + pad] });
    }
    // The new box takes effect when sigma processes the graph again; ask for that on the next frame, with no reindexing.
    this.renderer.refresh({ partialGraph: { nodes: [] }, schedule: true });
    const camera = this.renderer.getCamera();
    if (animate) camera.animatedReset({ duration: 300 });
    else camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
  }

  /** ForceAtlas2 in a web worker for `ms`, then stopped; pinned actors (fixed) stay. */
  force(ms = 1500) {
    const graph = this.scene.graph;
    this.stopLayout();
    if (graph.order < 2) return Promise.resolve();
    const settings = { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500, slowDown: 5 };
    this.layout = new FA2Layout(graph, { settings, getEdgeWeight: null });
    this.layout.start();
    return new Promise((resolve) => {
      this.layoutTimer = setTimeout(() => {
        this.stopLayout();
        resolve();
      }, ms);
    });
  }

  stopLayout() {
    clearTimeout(this.layoutTimer);
    if (this.layout) {
      this.layout.kill();
      this.layout = null;
    }
  }

  /** Breadth-first rings (radial) or rows (hierarchical) from `root`; other components follow, each from its best-connected actor. */
  arrange(kind, root) {
    this.stopLayout();
    const graph = this.scene.graph;
    const depthOf = new Map();
    const layers = [];
    const roots = [];
    if (root && graph.hasNode(root)) roots.push(root);
    const byDegree = graph.nodes().sort((a, b) => graph.degree(b) - graph.degree(a));
    let offset = 0;
    for (const candidate of [...roots, ...byDegree]) {
      if (depthOf.has(candidate)) continue;
      const queue = [candidate];
      depthOf.set(candidate, offset);
      while (queue.length) {
        const n = queue.shift();
        const d = depthOf.get(n);
        (layers[d] ??= []).push(n);
        graph.forEachNeighbor(n, (m) => {
          if (!depthOf.has(m)) {
            depthOf.set(m, d + 1);
            queue.push(m);
          }
        });
      }
      offset = layers.length;
    }
    const targets = {};
    layers.forEach((layer, d) => {
      layer.forEach((n, i) => {
        if (graph.getNodeAttribute(n, 'fixed')) return;
        if (kind === 'radial') {
          const radius = d * 120;
          const angle = (2 * Math.PI * i) / layer.length;
          targets[n] = { x: radius * Math.cos(angle), y: radius * Math.sin(angle) };
        } else {
          targets[n] = { x: (i - (layer.length - 1) / 2) * 90, y: -d * 110 };
        }
      });
    });
    this.animating = true;
    return new Promise((resolve) => animateNodes(graph, targets, { duration: 400 }, () => {
      this.animating = false;
      resolve();
    }));
  }

  /**
   * The visible edge drawn under a viewport point (within its half width plus 4 px), the nearest when several are; null
   * when none. Straight segments between the two actors' centres, as sigma draws arrows and lines. Edges within a pixel
   * of each other are a tie, which the shorter wins: a short edge lying along a longer one (an actor drawn on the line
   * between two others) can then be picked along its own length, and the longer one beyond it. Nearest alone, whichever
   * came last won everywhere, and the other could not be clicked at all.
   */
  edgeAt(point) {
    const graph = this.scene.graph;
    const screen = new Map();
    const at = (node) => {
      let p = screen.get(node);
      if (!p) {
        p = this.renderer.graphToViewport(graph.getNodeAttributes(node));
        screen.set(node, p);
      }
      return p;
    };
    let best = null;
    let bestDistance = Infinity;
    let bestLength = Infinity;
    graph.forEachEdge((edge, a, source, target, sa, ta) => {
      if (a.hidden || sa.hidden || ta.hidden) return;
      const [from, to] = [at(source), at(target)];
      const d = distanceToSegment(point, from, to);
      if (d > (a.size ?? 1) / 2 + 4) return;
      const length = Math.hypot(to.x - from.x, to.y - from.y);
      if (d < bestDistance - 1 || (d <= bestDistance + 1 && length < bestLength)) {
        best = edge;
        bestDistance = d;
        bestLength = length;
      }
    });
    return best;
  }

  /** Where a node or an edge's midpoint is on screen (viewport pixels), for the list view's "show on canvas". */
  viewportOf(node) {
    const a = this.scene.graph.getNodeAttributes(node);
    return this.renderer.graphToViewport({ x: a.x, y: a.y });
  }

  edgeMidpoint(edge) {
    const graph = this.scene.graph;
    const s = this.viewportOf(graph.source(edge));
    const t = this.viewportOf(graph.target(edge));
    return { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 };
  }
}

/** Distance in pixels from point p to the segment a–b. */
function distanceToSegment(p, a, b) {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length2 = dx * dx + dy * dy;
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length2));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}
