import { readFile } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { type HandlerTable } from '../dispatch';
import { storeHandlers } from './store';

// Screen copies of an issue's pictures for the page view. Assets are print files (often CMYK JPEG,
// which the browser draws with wrong colours or not at all): each is converted to an sRGB JPEG no wider
// than the view needs. The folder is the open session's; the asset id is a content hash, so the path
// cannot leave the issue's assets folder.

export const previewHandlers: HandlerTable = {
  'asset:preview': async ({ sessionId, assetId, widthPx }, ctx) => {
    const session = await storeHandlers['issue:get']!({ sessionId }, ctx);
    const file = path.join(session.dir, 'assets', assetId);
    let bytes: Buffer;
    try {
      bytes = await readFile(file);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      throw Object.assign(new Error(`图片文件 assets/${assetId} ${code === 'ENOENT' ? '不存在' : `无法读取：${(e as Error).message}`}`), { code: 'missing' });
    }
    const jpeg = await sharp(bytes).toColourspace('srgb').resize({ width: widthPx, withoutEnlargement: true }).jpeg({ quality: 82 }).toBuffer();
    return { dataUrl: `data:image/jpeg;base64,${jpeg.toString('base64')}` };
  },
};
