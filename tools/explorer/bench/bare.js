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
  /** Adds the nodes and edges of `serialized` missing from the graph; resolves with the ms to the next frame after the
   * first render that holds them all (how the explorer's expand is timed). */
  grow(serialized) {
    const graph = this.renderer.getGraph();
    const order = graph.order + serialized.nodes.filter((n) => !graph.hasNode(n.key)).length;
    return new Promise((resolve) => {
      const t0 = performance.now();
      const on = () => {
        if (graph.order < order) return;
        this.renderer.off('afterRender', on);
        requestAnimationFrame(() => resolve(performance.now() - t0));
      };
      this.renderer.on('afterRender', on);
      for (const { key, attributes: a } of serialized.nodes) {
        if (!graph.hasNode(key)) graph.addNode(key, { x: a.x, y: a.y, size: a.size, color: a.color, label: a.label });
      }
      for (const { key, source, target, attributes: a } of serialized.edges) {
        if (!graph.hasEdge(key)) graph.addDirectedEdgeWithKey(key, source, target, { size: a.size, color: a.color, type: a.type });
      }
    });
  },
};
