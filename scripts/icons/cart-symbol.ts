/**
 * The Partner Cart symbol, a shopping cart, described as geometry in a unit square (x right, y down) so
 * one drawing serves every icon size. Coverage is exact geometry; the rasteriser supersamples it.
 */
type Point = readonly [number, number];

const STROKE = 0.075;
/** The handle and the cart's frame, drawn as one thick polyline. */
const FRAME: Point[] = [[0.04, 0.13], [0.17, 0.13], [0.31, 0.67], [0.86, 0.67]];
/** The basket, a trapezoid hanging from the frame. */
const BASKET: Point[] = [[0.21, 0.25], [0.96, 0.25], [0.87, 0.56], [0.28, 0.56]];
const WHEELS: { centre: Point; radius: number }[] = [
  { centre: [0.37, 0.84], radius: 0.085 },
  { centre: [0.79, 0.84], radius: 0.085 },
];

function distanceToSegment([px, py]: Point, [ax, ay]: Point, [bx, by]: Point): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function insidePolygon([px, py]: Point, polygon: Point[]): boolean {
  let inside = false;
  for (let i = 0, j = polygon.length - 1; i < polygon.length; j = i++) {
    const [xi, yi] = polygon[i];
    const [xj, yj] = polygon[j];
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True where the symbol has ink. */
export function cartSymbolCovers(point: Point): boolean {
  for (let i = 1; i < FRAME.length; i++) {
    if (distanceToSegment(point, FRAME[i - 1], FRAME[i]) <= STROKE / 2) return true;
  }
  if (insidePolygon(point, BASKET)) return true;
  return WHEELS.some(({ centre, radius }) => Math.hypot(point[0] - centre[0], point[1] - centre[1]) <= radius);
}
