import { useState, type PointerEvent as ReactPointerEvent } from 'react';
import { gridRect, type GridCoords, type PageGrid } from '../../../core/layout';
import { type Frame } from '../../../core/model';
import { useI18n } from '../i18n/I18nProvider';
import { KIND_KEYS } from './frame-labels';
import { gridDelta, HANDLES, moveRect, rectBetween, resizeRect, type Handle } from './snap';

/** What a pointer drag on the page is doing; `rect` is where the frame would land if released now. */
type Drag =
  | { kind: 'move' | 'resize'; frameId: string; handle: Handle | null; x0: number; y0: number; base: GridCoords; rect: GridCoords }
  | { kind: 'draw'; x0: number; y0: number; rect: GridCoords };

export interface FrameOverlayProps {
  grid: PageGrid;
  frames: readonly Frame[];
  selected: string | null;
  /** 'select' moves and resizes frames; 'draw' draws a new one. */
  tool: 'select' | 'draw';
  readOnly: boolean;
  /** Thread position shown on each text frame: `续 2/3`. */
  threadLabel(frame: Frame): string | null;
  onSelect(frameId: string | null): void;
  onRect(frameId: string, rect: GridCoords, how: 'move' | 'resize'): void;
  onDraw(rect: GridCoords): void;
  onOpen(frame: Frame): void;
}

const HANDLE_PT = 7;

function handlePoint(h: Handle, r: { x: number; y: number; w: number; h: number }): { x: number; y: number } {
  const x = h.includes('w') ? r.x : h.includes('e') ? r.x + r.w : r.x + r.w / 2;
  const y = h.includes('n') ? r.y : h.includes('s') ? r.y + r.h : r.y + r.h / 2;
  return { x, y };
}

const CURSORS: Record<Handle, string> = { n: 'ns-resize', s: 'ns-resize', e: 'ew-resize', w: 'ew-resize', ne: 'nesw-resize', sw: 'nesw-resize', nw: 'nwse-resize', se: 'nwse-resize' };

/**
 * The editable layer over the drawn page: every frame's outline from the meta (not the laid-out page, so a
 * drag shows where the frame lands before layout has caught up), the selection with its eight handles,
 * and the rectangle being drawn. All coordinates are pt in the page's viewBox; pointer positions are
 * turned into whole columns and lines on release.
 */
export function FrameOverlay({ grid, frames, selected, tool, readOnly, threadLabel, onSelect, onRect, onDraw, onOpen }: FrameOverlayProps) {
  const { t } = useI18n();
  const [drag, setDrag] = useState<Drag | null>(null);
  const W = grid.pageWidth;
  const H = grid.pageHeight;

  const toPt = (e: ReactPointerEvent<SVGElement>) => {
    const svg = (e.currentTarget as SVGElement).ownerSVGElement ?? (e.currentTarget as SVGSVGElement);
    const box = svg.getBoundingClientRect();
    return { x: ((e.clientX - box.left) * W) / box.width, y: ((e.clientY - box.top) * H) / box.height };
  };

  const startFrame = (e: ReactPointerEvent<SVGElement>, f: Frame, handle: Handle | null) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    onSelect(f.id);
    if (readOnly || tool !== 'select' || f.kind === 'runningHead') return;
    const p = toPt(e);
    const base = { col: f.col, span: f.span, line: f.line, lines: f.lines };
    setDrag({ kind: handle ? 'resize' : 'move', frameId: f.id, handle, x0: p.x, y0: p.y, base, rect: base });
    (e.currentTarget.ownerSVGElement ?? e.currentTarget).setPointerCapture(e.pointerId);
  };

  const startBlank = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    if (tool !== 'draw' || readOnly) {
      onSelect(null);
      return;
    }
    const p = toPt(e);
    setDrag({ kind: 'draw', x0: p.x, y0: p.y, rect: rectBetween(grid, p.x, p.y, p.x, p.y) });
    e.currentTarget.setPointerCapture(e.pointerId);
  };

  const moveDrag = (e: ReactPointerEvent<SVGSVGElement>) => {
    if (!drag) return;
    const p = toPt(e);
    const g = grid.geometry;
    if (drag.kind === 'draw') {
      setDrag({ ...drag, rect: rectBetween(grid, drag.x0, drag.y0, p.x, p.y) });
      return;
    }
    const d = gridDelta(grid, p.x - drag.x0, p.y - drag.y0);
    const rect = drag.kind === 'move' ? moveRect(g, drag.base, d.cols, d.lines) : resizeRect(g, drag.base, drag.handle!, d.cols, d.lines);
    setDrag({ ...drag, rect });
  };

  const endDrag = () => {
    if (!drag) return;
    setDrag(null);
    if (drag.kind === 'draw') onDraw(drag.rect);
    else if (!sameRect(drag.rect, drag.base)) onRect(drag.frameId, drag.rect, drag.kind);
  };

  const shown = (f: Frame) => (drag && drag.kind !== 'draw' && drag.frameId === f.id ? drag.rect : f);
  const sel = frames.find((f) => f.id === selected) ?? null;

  return (
    <svg
      className={`frame-overlay tool-${tool}`}
      data-testid="frame-overlay"
      viewBox={`0 0 ${W} ${H}`}
      preserveAspectRatio="none"
      onPointerDown={startBlank}
      onPointerMove={moveDrag}
      onPointerUp={endDrag}
      onPointerCancel={() => setDrag(null)}
    >
      <rect className="frame-area" x={grid.area.x} y={grid.area.y} width={grid.area.width} height={grid.area.height} />
      {frames.map((f) => {
        const r = gridRect(grid, shown(f));
        const label = threadLabel(f);
        return (
          <g
            key={f.id}
            className={`frame-outline kind-${f.kind}${f.id === selected ? ' selected' : ''}`}
            data-frame-id={f.id}
            data-kind={f.kind}
            data-rect={`${shown(f).col},${shown(f).span},${shown(f).line},${shown(f).lines}`}
            aria-label={t('frames.outline', { kind: t(KIND_KEYS[f.kind]), id: f.id })}
            onPointerDown={(e) => startFrame(e, f, null)}
            onDoubleClick={() => onOpen(f)}
          >
            <rect x={r.x} y={r.y} width={r.w} height={r.h} />
            {label && (
              <text x={r.x + 2} y={r.y + 9} className="frame-thread">
                {label}
              </text>
            )}
          </g>
        );
      })}
      {sel && !readOnly && tool === 'select' && sel.kind !== 'runningHead' && (
        <g className="frame-handles">
          {HANDLES.map((h) => {
            const p = handlePoint(h, gridRect(grid, shown(sel)));
            return (
              <rect
                key={h}
                data-handle={h}
                x={p.x - HANDLE_PT / 2}
                y={p.y - HANDLE_PT / 2}
                width={HANDLE_PT}
                height={HANDLE_PT}
                style={{ cursor: CURSORS[h] }}
                onPointerDown={(e) => startFrame(e, sel, h)}
              />
            );
          })}
        </g>
      )}
      {drag?.kind === 'draw' && (() => {
        const r = gridRect(grid, drag.rect);
        return <rect className="frame-drawing" data-testid="frame-drawing" x={r.x} y={r.y} width={r.w} height={r.h} />;
      })()}
    </svg>
  );
}

function sameRect(a: GridCoords, b: GridCoords): boolean {
  return a.col === b.col && a.span === b.span && a.line === b.line && a.lines === b.lines;
}
