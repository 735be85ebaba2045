// The sample page drawn to PNG and compared with the golden image within a tolerance. A golden image
// changes only in a commit that says why and shows before and after: regenerate it with
//   UPDATE_GOLDEN=1 npx vitest run test/render/sample-png.test.ts
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { layoutIssueDir } from '../../src/cli/commands/layout';
import { pageSvg, svgToPng } from '../../src/cli/commands/render';

const DIR = path.resolve(__dirname, '../../resources/sample/2024-03-08-太白湖新区.yeban');
const GOLDEN = path.join(__dirname, 'golden', 'sample-page-07.png');
const WIDTH = 1200;

async function raw(png: Buffer): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

describe('sample page PNG', () => {
  it('matches the golden image within tolerance', async () => {
    const laid = await layoutIssueDir(DIR);
    const svg = await pageSvg(laid.dir, laid.result.display.pages[0]!, laid.fonts, WIDTH);
    const png = svgToPng(svg, WIDTH);
    if (process.env.UPDATE_GOLDEN) {
      await mkdir(path.dirname(GOLDEN), { recursive: true });
      await writeFile(GOLDEN, png);
    }
    expect(existsSync(GOLDEN), `golden image missing: ${GOLDEN}`).toBe(true);
    const [a, b] = await Promise.all([raw(png), raw(await sharp(GOLDEN).png().toBuffer())]);
    expect([a.width, a.height]).toEqual([b.width, b.height]);
    // Ink must be there: a blank page (fonts failed to draw) would otherwise pass against a blank golden.
    let ink = 0;
    let differ = 0;
    for (let i = 0; i < a.data.length; i++) {
      if (a.data[i]! < 128) ink++;
      if (Math.abs(a.data[i]! - b.data[i]!) > 64) differ++;
    }
    expect(ink / a.data.length).toBeGreaterThan(0.05);
    // Anti-aliasing and JPEG decoding may move a few pixels; a moved line of glyphs changes about a thousand.
    expect(differ / a.data.length).toBeLessThan(0.0005);
  });
});
