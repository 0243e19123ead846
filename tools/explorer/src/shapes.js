// Node shapes by kind: one WebGL program for every shape (one draw call, as sigma's circle program), the shape chosen
// per node by a number read in the fragment shader. Each shape is a distance function in units of the node's radius.
import { NodeProgram } from 'sigma/rendering';
import { floatColor } from 'sigma/utils';

/** Shape numbers, in the order the fragment shader tests them. */
export const shapeIndex = { circle: 0, square: 1, diamond: 2, triangle: 3, 'triangle-down': 4, hexagon: 5, ring: 6, plus: 7, tall: 8 };

const vertexShader = /* glsl */ `
attribute vec4 a_id;
attribute vec4 a_color;
attribute vec2 a_position;
attribute float a_size;
attribute float a_shape;
attribute float a_angle;

uniform mat3 u_matrix;
uniform float u_sizeRatio;
uniform float u_correctionRatio;

varying vec4 v_color;
varying vec2 v_diffVector;
varying float v_radius;
varying float v_shape;

const float bias = 255.0 / 254.0;

void main() {
  // A triangle whose inscribed circle has 1.5 radii, so every shape (at most 1.2 radii from the centre) fits in it.
  float radius = a_size * u_correctionRatio / u_sizeRatio * 2.0;
  vec2 diffVector = radius * 3.0 * vec2(cos(a_angle), sin(a_angle));
  gl_Position = vec4((u_matrix * vec3(a_position + diffVector, 1)).xy, 0, 1);
  v_diffVector = diffVector;
  v_radius = radius;
  v_shape = a_shape;
  #ifdef PICKING_MODE
  v_color = a_id;
  #else
  v_color = a_color;
  #endif
  v_color.a *= bias;
}
`;

const fragmentShader = /* glsl */ `
precision highp float;

varying vec4 v_color;
varying vec2 v_diffVector;
varying float v_radius;
varying float v_shape;

uniform float u_correctionRatio;

const vec4 transparent = vec4(0.0, 0.0, 0.0, 0.0);

// Negative inside, positive outside, in radii.
float shape(vec2 p, float s) {
  vec2 q = abs(p);
  if (s < 0.5) return length(p) - 1.0;                                      // circle
  if (s < 1.5) return max(q.x, q.y) - 0.85;                                 // square
  if (s < 2.5) return (q.x + q.y) * 0.7071 - 0.8;                           // diamond
  if (s < 3.5) return max(q.x * 0.866 + p.y * 0.5, -p.y) - 0.55;            // triangle, point up
  if (s < 4.5) return max(q.x * 0.866 - p.y * 0.5, p.y) - 0.55;             // triangle, point down
  if (s < 5.5) return max(q.x * 0.866 + q.y * 0.5, q.y) - 0.95;             // hexagon
  if (s < 6.5) return abs(length(p) - 0.78) - 0.24;                         // ring
  if (s < 7.5) return min(max(q.x - 0.32, q.y - 1.0), max(q.x - 1.0, q.y - 0.32)); // plus
  return max(q.x - 0.62, q.y - 1.0);                                        // tall rectangle
}

void main(void) {
  float border = u_correctionRatio * 2.0;
  float dist = shape(v_diffVector / v_radius, v_shape) * v_radius + border;
  #ifdef PICKING_MODE
  gl_FragColor = dist > border ? transparent : v_color;
  #else
  float t = dist > border ? 1.0 : (dist > 0.0 ? dist / border : 0.0);
  gl_FragColor = mix(v_color, transparent, t);
  #endif
}
`;

const { UNSIGNED_BYTE, FLOAT } = WebGLRenderingContext;

/** sigma node program drawing `shape` (a number from shapeIndex) filled with `color`. */
export class NodeShapeProgram extends NodeProgram {
  getDefinition() {
    return {
      VERTICES: 3,
      VERTEX_SHADER_SOURCE: vertexShader,
      FRAGMENT_SHADER_SOURCE: fragmentShader,
      METHOD: WebGLRenderingContext.TRIANGLES,
      UNIFORMS: ['u_sizeRatio', 'u_correctionRatio', 'u_matrix'],
      ATTRIBUTES: [
        { name: 'a_position', size: 2, type: FLOAT },
        { name: 'a_size', size: 1, type: FLOAT },
        { name: 'a_shape', size: 1, type: FLOAT },
        { name: 'a_color', size: 4, type: UNSIGNED_BYTE, normalized: true },
        { name: 'a_id', size: 4, type: UNSIGNED_BYTE, normalized: true },
      ],
      CONSTANT_ATTRIBUTES: [{ name: 'a_angle', size: 1, type: FLOAT }],
      CONSTANT_DATA: [[0], [(2 * Math.PI) / 3], [(4 * Math.PI) / 3]],
    };
  }

  processVisibleItem(nodeIndex, startIndex, data) {
    const array = this.array;
    array[startIndex++] = data.x;
    array[startIndex++] = data.y;
    array[startIndex++] = data.size;
    array[startIndex++] = data.shape ?? 0;
    array[startIndex++] = floatColor(data.color);
    array[startIndex++] = nodeIndex;
  }

  setUniforms(params, { gl, uniformLocations }) {
    gl.uniform1f(uniformLocations.u_correctionRatio, params.correctionRatio);
    gl.uniform1f(uniformLocations.u_sizeRatio, params.sizeRatio);
    gl.uniformMatrix3fv(uniformLocations.u_matrix, false, params.matrix);
  }
}

/** The same shapes as small SVG icons, for the legend (points in a 12×12 box centred on 6,6, radius 5). */
export function shapeIcon(shape, colour) {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 12 12');
  svg.setAttribute('width', '13');
  svg.setAttribute('height', '13');
  svg.setAttribute('class', 'kind-shape');
  svg.setAttribute('aria-hidden', 'true');
  svg.dataset.shape = shape;
  const add = (tag, attrs) => {
    const node = document.createElementNS(ns, tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
    svg.append(node);
  };
  const fill = { fill: colour };
  const poly = (points) => add('polygon', { ...fill, points: points.map(([x, y]) => `${6 + 5 * x},${6 - 5 * y}`).join(' ') });
  switch (shape) {
    case 'square': poly([[-0.85, -0.85], [0.85, -0.85], [0.85, 0.85], [-0.85, 0.85]]); break;
    case 'diamond': poly([[0, -1.13], [1.13, 0], [0, 1.13], [-1.13, 0]]); break;
    case 'triangle': poly([[0, 1.1], [0.95, -0.55], [-0.95, -0.55]]); break;
    case 'triangle-down': poly([[0, -1.1], [0.95, 0.55], [-0.95, 0.55]]); break;
    case 'hexagon': poly([0, 60, 120, 180, 240, 300].map((a) => [1.1 * Math.cos((a * Math.PI) / 180), 1.1 * Math.sin((a * Math.PI) / 180)])); break;
    case 'ring': add('circle', { cx: 6, cy: 6, r: 3.9, fill: 'none', stroke: colour, 'stroke-width': 2.4 }); break;
    case 'plus': poly([[-0.32, 1], [0.32, 1], [0.32, 0.32], [1, 0.32], [1, -0.32], [0.32, -0.32], [0.32, -1], [-0.32, -1], [-0.32, -0.32], [-1, -0.32], [-1, 0.32], [-0.32, 0.32]]); break;
    case 'tall': poly([[-0.62, -1], [0.62, -1], [0.62, 1], [-0.62, 1]]); break;
    default: add('circle', { cx: 6, cy: 6, r: 5, ...fill });
  }
  return svg;
}
