import { type Frame } from '../../../core/model';
import { type DrawableKind } from './frame-ops';

// Message keys for frame kinds, shared by the toolbar and the frame outline's caption.

export const KIND_KEYS = {
  text: 'frames.kind.text',
  headline: 'frames.kind.headline',
  image: 'frames.kind.image',
  rule: 'frames.kind.rule',
  box: 'frames.kind.box',
  runningHead: 'frames.kind.runningHead',
} as const satisfies Record<Frame['kind'], string>;

export const DRAW_KEYS: Record<DrawableKind, (typeof KIND_KEYS)[DrawableKind]> = KIND_KEYS;
