// Node shapes by kind: one small WebGL program per shape (sigma draws each program in one call), so the fragment
// shader evaluates one distance function without branching; a software renderer shades every pixel of the triangle,
// so each shape's triangle is only as large as the shape needs.
import { NodeProgram } from 'sigma/rendering';
import { floatColor } from 'sigma/utils';

// Each shape: its distance function of p (negative inside, positive outside, in node radii; q = abs(p)), and how far
// from the centre its farthest point lies, in radii.
const shapes = {
  circle: { distance: 'length(p) - 1.0', extent: 1.0 },
  square: { distance: 'max(q.x, q.y) - 0.85', extent: 1.21 },
  diamond: { distance: '(q.x + q.y) * 0.7071 - 0.8', extent: 1.14 },
  triangle: { distance: 'max(q.x * 0.866 + p.y * 0.5, -p.y) - 0.55', extent: 1.11 }, // point up
  'triangle-down': { distance: 'max(q.x * 0.866 - p.y * 0.5, p.y) - 0.55', extent: 1.11 },
  hexagon: { distance: 'max(q.x * 0.866 + q.y * 0.5, q.y) - 0.95', extent: 1.1 },
  ring: { distance: 'abs(length(p) - 0.78) - 0.24', extent: 1.02 },
  plus: { distance: 'min(max(q.x - 0.32, q.y - 1.0), max(q.x - 1.0, q.y - 0.32))', extent: 1.06 },
  tall: { distance: 'max(q.x - 0.62, q.y - 1.0)', extent: 1.18 },
};

const vertexShader = (extent) => /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_position;
attribute float a_size;
attribute float a_angle;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;

varying vec4 v_color;
varying vec2 v_diffVector;
varying float v_radius;

const float bias = 255.0 / 254.0;

void main() {
  // An equilateral triangle's inscribed circle has half its circumradius: the shape's extent fits in it.
  float radius = a_size * u_correctionRatio / u_sizeRatio * 2.0;
  vec2 diffVector = radius * ${(2 * extent + 0.04).toFixed(2)} * vec2(cos(a_angle), sin(a_angle));
  gl_Position = vec4((u_matrix * vec3(a_position + diffVector, 1)).xy, 0, 1);
  v_diffVector = diffVector;
  v_radius = radius;
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

const fragmentShader = (distance) => /* glsl */ `
precision highp float;

varying vec4 v_color;
varying vec2 v_diffVector;
varying float v_radius;

uniform float u_correctionRatio;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

void main(void) {
  float border = u_correctionRatio * 2.0;
  vec2 p = v_diffVector / v_radius;
  vec2 q = abs(p);
  float dist = (${distance}) * v_radius + border;
  #ifdef PICKING_MODE
  gl_FragColor = dist > border ? transparent : v_color;
  #else
  float t = dist > border ? 1.0 : (dist > 0.0 ? dist / border : 0.0);
  gl_FragColor = mix(v_color, transparent, t);
  #endif
}
`;

const { UNSIGNED_BYTE, FLOAT } = WebGLRenderingContext;

function shapeProgram({ distance, extent }) {
  const definition = {
    VERTICES: 3,
    VERTEX_SHADER_SOURCE: vertexShader(extent),
    FRAGMENT_SHADER_SOURCE: fragmentShader(distance),
    METHOD: WebGLRenderingContext.TRIANGLES,
    UNIFORMS: ['u_sizeRatio', 'u_correctionRatio', 'u_matrix'],
    ATTRIBUTES: [
      { name: 'a_position', size: 2, type: FLOAT },
      { name: 'a_size', size: 1, type: FLOAT },
      { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
      { name: 'a_id', size: 4, type: UNSIGNED_BYTE, normalized: true },
    ],
    CONSTANT_ATTRIBUTES: [{ name: 'a_angle', size: 1, type: FLOAT }],
    CONSTANT_DATA: [[0], [(2 * Math.PI) / 3], [(4 * Math.PI) / 3]],
  };
  return class extends NodeProgram {
    getDefinition() {
      return definition;
    }

    processVisibleItem(nodeIndex, startIndex, data) {
      const array = this.array;
      array[startIndex++] = data.x;
      array[startIndex++] = data.y;
      array[startIndex++] = data.size;
      array[startIndex++] = floatColor(data.color);
      array[startIndex++] = nodeIndex;
    }

    setUniforms(params, { gl, uniformLocations }) {
      gl.uniform1f(uniformLocations.u_correctionRatio, params.correctionRatio);
      gl.uniform1f(uniformLocations.u_sizeRatio, params.sizeRatio);
      gl.uniformMatrix3fv(uniformLocations.u_matrix, false, params.matrix);
    }
  };
}

/** sigma's nodeProgramClasses: a node's `type` (a shape name) picks the program that draws it. */
export const nodeShapePrograms = Object.fromEntries(Object.entries(shapes).map(([name, shape]) => [name, shapeProgram(shape)]));

/** SVG markup of a shape centred on (cx, cy) with radius r (the same outlines the shaders draw), for icons and exports. */
export function shapeMarkup(shape, cx, cy, r, colour, inner = '') {
  const n = (v) => Number(v.toFixed(2));
  const poly = (points) => `<polygon fill="${colour}" points="${points.map(([x, y]) => `${n(cx + r * x)},${n(cy - r * y)}`).join(' ')}">${inner}</polygon>`;
  switch (shape) {
    case 'square': return poly([[-0.85, -0.85], [0.85, -0.85], [0.85, 0.85], [-0.85, 0.85]]);
    case 'diamond': return poly([[0, -1.13], [1.13, 0], [0, 1.13], [-1.13, 0]]);
    case 'triangle': return poly([[0, 1.1], [0.95, -0.55], [-0.95, -0.55]]);
    case 'triangle-down': return poly([[0, -1.1], [0.95, 0.55], [-0.95, 0.55]]);
    case 'hexagon': return poly([0, 60, 120, 180, 240, 300].map((a) => [1.1 * Math.cos((a * Math.PI) / 180), 1.1 * Math.sin((a * Math.PI) / 180)]));
    case 'ring': return `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(0.78 * r)}" fill="none" stroke="${colour}" stroke-width="${n(0.48 * r)}">${inner}</circle>`;
    case 'plus': return poly([[-0.32, 1], [0.32, 1], [0.32, 0.32], [1, 0.32], [1, -0.32], [0.32, -0.32], [0.32, -1], [-0.32, -1], [-0.32, -0.32], [-1, -0.32], [-1, 0.32], [-0.32, 0.32]]);
    case 'tall': return poly([[-0.62, -1], [0.62, -1], [0.62, 1], [-0.62, 1]]);
    default: return `<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="${colour}">${inner}</circle>`;
  }
}

/** The same shapes as small SVG icons, for the legend (a 12×12 box centred on 6,6, radius 5). */
export function shapeIcon(shape, colour) {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 12 12');
  svg.setAttribute('width', '13');
  svg.setAttribute('height', '13');
  svg.setAttribute('class', 'kind-shape');
  svg.setAttribute('aria-hidden', 'true');
  svg.dataset.shape = shape;
  svg.innerHTML = shapeMarkup(shape, 6, 6, 5, colour);
  return svg;
}
