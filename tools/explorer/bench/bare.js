// The bare library: sigma 3.0.3 with its default settings drawing a graphology graph it is handed, nothing else.
// The benchmark compares the explorer's frame rate against this page's on the same graph.
import Graph from 'graphology';
import Sigma from 'sigma';

window.bare = {
  load(serialized) {
    const graph = new Graph({ multi: true, type: 'directed', allowSelfLoops: true });
    graph.import(serialized);
    // Keep what the drawing needs (position, size, colour, label); drop the explorer's own attributes.
    graph.forEachNode((n, a) => graph.replaceNodeAttributes(n, { x: a.x, y: a.y, size: a.size, color: a.color, label: a.label }));
    graph.forEachEdge((e, a) => graph.replaceEdgeAttributes(e, { size: a.size, color: a.color, type: a.type }));
    this.renderer = new Sigma(graph, document.getElementById('graph'));
    return graph.order;
  },
};
