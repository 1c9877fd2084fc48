import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { cartSymbolCovers } from './cart-symbol';
import { rasterise } from './rasterise';

/**
 * Draws the Teams app icons from the project's own geometry (no stock art) into manifest/:
 * color.png 192×192 with the symbol in the central 96×96 and outline.png 32×32, white on transparent
 * (docs/platform-notes.md, "The Teams app package"). Run: npx tsx scripts/icons/draw-icons.ts
 */
const ICON_BACKGROUND = [0x2b, 0x5c, 0xb8] as const;
const WHITE = [255, 255, 255] as const;

export function drawColorIcon(): Buffer {
  return rasterise({ size: 192, background: ICON_BACKGROUND, ink: WHITE, symbolBox: { left: 48, top: 48, size: 96 }, covers: cartSymbolCovers });
}

export function drawOutlineIcon(): Buffer {
  return rasterise({ size: 32, ink: WHITE, symbolBox: { left: 1, top: 1, size: 30 }, covers: cartSymbolCovers });
}

if (require.main === module) {
  const manifestDir = path.join(__dirname, '..', '..', 'manifest');
  writeFileSync(path.join(manifestDir, 'color.png'), drawColorIcon());
  writeFileSync(path.join(manifestDir, 'outline.png'), drawOutlineIcon());
  process.stdout.write(`icons written to ${manifestDir}\n`);
}
