import path from 'node:path';
import { type Asset, type IssueMeta } from '../../core/model';
import { writeFileOnce } from './atomic';
import { StoreError, ioError } from './errors';
import { errnoCode } from './fs-port';
import { ASSETS_DIR, ISSUE_FILE } from './paths';
import { sha256 } from './history';
import { ImageRejected, probeImage } from './image-header';
import { parseIssueMeta } from './open';
import { saveIssueMeta } from './save';
import { defaultEnv, type StoreEnv } from './env';

/** Larger than any JPEG/PNG under the pixel limit could reasonably be; refused before reading it into memory. */
export const MAX_IMAGE_BYTES = 1024 * 1024 * 1024;

export interface ImportOptions {
  env?: StoreEnv;
  source?: string;
}

export interface ImportedAsset {
  asset: Asset;
  /** False when the same picture was already in the issue (content-addressed: stored once). */
  added: boolean;
}

/** What an import that registered a new asset wrote to issue.json, and the file it started from. */
export interface ImportedAssetMeta extends ImportedAsset {
  written: { meta: IssueMeta; hash: string; baseHash: string } | null;
}

/**
 * Import a photo: check it is a whole JPEG or PNG of sane size, store it as assets/<sha256>.<ext> (never
 * overwriting: the name is its content), and register it in issue.json.
 */
export async function importAsset(dir: string, sourcePath: string, opts: ImportOptions = {}): Promise<ImportedAssetMeta> {
  const env = opts.env ?? defaultEnv();
  const root = path.resolve(dir);
  const name = path.basename(sourcePath);
  let bytes: Buffer;
  try {
    const st = await env.fs.stat(sourcePath);
    if (!st.isFile()) throw new StoreError('image', name, '不是文件');
    if (st.size > MAX_IMAGE_BYTES) throw new StoreError('image', name, `文件过大（${(st.size / 1024 / 1024).toFixed(0)} MB）`);
    bytes = await env.fs.readFile(sourcePath);
  } catch (e) {
    if (e instanceof StoreError) throw e;
    if (errnoCode(e) === 'ENOENT') throw new StoreError('missing', name, '文件不存在', { cause: e });
    throw ioError(name, '读取图片', e);
  }
  let info;
  try {
    info = probeImage(bytes);
  } catch (e) {
    if (e instanceof ImageRejected) throw new StoreError('image', name, e.reason, { cause: e });
    throw e;
  }
  const id = `${sha256(bytes)}.${info.ext}`;
  const rel = `${ASSETS_DIR}/${id}`;
  try {
    await env.fs.mkdir(path.join(root, ASSETS_DIR));
  } catch (e) {
    throw ioError(ASSETS_DIR, '创建文件夹', e);
  }
  await writeFileOnce(env.fs, path.join(root, rel), bytes, rel);
  const asset: Asset = {
    id, format: info.format, widthPx: info.widthPx, heightPx: info.heightPx, colorSpace: info.colorSpace, dpi: info.dpi,
    bytes: bytes.byteLength, originalName: name, source: opts.source ?? '',
  };
  const metaText = await env.fs.readFile(path.join(root, ISSUE_FILE)).then((b) => b.toString('utf8'), (e: unknown) => { throw ioError(ISSUE_FILE, '读取', e); });
  const { meta, readOnlyReason } = parseIssueMeta(metaText);
  if (readOnlyReason) throw new StoreError('newer', ISSUE_FILE, readOnlyReason);
  const existing = meta.assets.find((a) => a.id === id);
  if (existing) return { asset: existing, added: false, written: null };
  const baseHash = sha256(metaText);
  const saved = await saveIssueMeta(root, { ...meta, assets: [...meta.assets, asset] }, { env, baseHash, reason: `导入图片 ${name}` });
  return { asset, added: true, written: { meta: saved.meta, hash: saved.hash, baseHash } };
}
