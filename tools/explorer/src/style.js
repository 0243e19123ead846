// Colours of the node kinds and relationship types, shared by the canvas, the legend and the exports.

export const kinds = ['STATE', 'AGENCY', 'ORGANIZATION', 'OFFICIAL', 'PERSON', 'TREATY', 'RESOLUTION', 'LOCATION', 'CONFLICT'];

const kindColours = {
  STATE: '#1f77b4',
  AGENCY: '#ff7f0e',
  ORGANIZATION: '#2ca02c',
  OFFICIAL: '#9467bd',
  PERSON: '#8c564b',
  TREATY: '#e377c2',
  RESOLUTION: '#bcbd22',
  LOCATION: '#17becf',
  CONFLICT: '#7f7f7f',
};

export function kindColour(kind) {
  return kindColours[kind] ?? '#444444';
}

// Shape as well as colour, so kinds stay apart in greyscale prints and for colour-blind readers.
const kindShapes = {
  STATE: 'circle',
  AGENCY: 'square',
  ORGANIZATION: 'hexagon',
  OFFICIAL: 'triangle',
  PERSON: 'triangle-down',
  TREATY: 'diamond',
  RESOLUTION: 'tall',
  LOCATION: 'ring',
  CONFLICT: 'plus',
};

export function kindShape(kind) {
  return kindShapes[kind] ?? 'circle';
}

export const relationshipTypes = [
  'VOTED_FOR', 'VETOED', 'VIOLATES', 'REPORTED', 'DEPLOYED', 'WITHDREW_FROM', 'RATIFIED', 'PARTY_TO', 'SIGNED', 'ADOPTED',
  'TARGETS', 'ALLIED_WITH', 'SUPPORTS', 'SUPPLIES_ARMS_TO', 'SANCTIONS', 'ATTACKED', 'AT_WAR_WITH', 'LEADS', 'MEMBER_OF',
  'LOCATED_IN', 'EMPLOYS', 'GIFTED', 'MET_WITH', 'VISITED', 'PUBLISHED',
];

/** A stable muted colour per type, so one type looks the same in every scene. */
export function typeColour(type) {
  let hash = 0;
  for (const c of type) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return hslToHex(hash % 360, 0.35, 0.5);
}

// sigma parses hex colours; convert once here rather than per frame.
function hslToHex(h, s, l) {
  const k = (n) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n) => Math.round(255 * (l - a * Math.max(-1, Math.min(k(n) - 3, Math.min(9 - k(n), 1))))).toString(16).padStart(2, '0');
  return `#${f(0)}${f(8)}${f(4)}`;
}

export function title(kind) {
  return kind.charAt(0) + kind.slice(1).toLowerCase().replaceAll('_', ' ');
}
