import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { type DisplayPage } from '../../../core/display/types';
import { type FontRegistry } from '../../../core/fonts';
import { pageGrid, type GridCoords } from '../../../core/layout';
import { type Frame, type IssueMeta, type Story } from '../../../core/model';
import { useI18n } from '../i18n/I18nProvider';
import { CopyfitLabel } from '../layout/CopyfitLabel';
import { type Copyfit } from '../layout/copyfit';
import { pagePixelWidth, ZOOMS, type Zoom } from '../layout/zoom';
import { PageSvg } from '../layout/PageSvg';
import { DRAW_KEYS, KIND_KEYS } from './frame-labels';
import {
  addFrame, deleteFrame, DRAWABLE_KINDS, placeStory, setFrameRect, storyOf, threadFrame, threadOf, unthreadFrame, type DrawableKind,
} from './frame-ops';
import { FrameOverlay } from './FrameOverlay';
import { FrameProps } from './FrameProps';
import { PhotoPlacer } from './PhotoPlacer';
import { cellAt, moveRect, resizeRect } from './snap';
import { type MetaEdits } from './useMetaEdits';
import { EditError } from './EditError';
import './frames.css';
import { useViewSize } from '../layout/useViewSize';

const ZOOM_KEYS = { fit: 'page.zoomFit', 1: 'page.zoom100', 2: 'page.zoom200' } as const;
/** The drag-and-drop type a budget story travels under. */
export const STORY_DRAG_TYPE = 'application/x-yeban-story';

export interface FrameEditorProps {
  sessionId: string;
  meta: IssueMeta;
  pageIndex: number;
  /** The laid-out page (may lag the meta by one layout while an edit is being laid out). */
  page: DisplayPage;
  fonts: FontRegistry;
  pictures: ReadonlyMap<string, string>;
  stories: ReadonlyMap<string, Story>;
  copyfits: ReadonlyMap<string, Copyfit>;
  edits: MetaEdits;
  readOnly: boolean;
  onOpenStory(storyId: string): void;
  onStory(story: Story): void;
}

/**
 * The layout desk's frame editing (改版): the drawn page with the frames' outlines over it; select, move and
 * resize on the grid, draw new frames, delete, thread and unthread, drop a story from the list onto the page,
 * place a photo; undo and redo. Every change is a pure edit of the meta (frame-ops.ts), saved at once.
 */
export function FrameEditor(props: FrameEditorProps) {
  const { meta, pageIndex, page, fonts, pictures, stories, copyfits, edits, readOnly } = props;
  const { t } = useI18n();
  const [zoom, setZoom] = useState<Zoom>('fit');
  const [tool, setTool] = useState<'select' | 'draw'>('select');
  const [drawKind, setDrawKind] = useState<DrawableKind>('text');
  const [selected, setSelected] = useState<string | null>(null);
  const [storyId, setStoryId] = useState<string>(meta.storyIds[0] ?? '');
  const viewRef = useRef<HTMLDivElement>(null);
  const view = useViewSize(viewRef);
  const grid = useMemo(() => pageGrid(meta.geometry), [meta.geometry]);
  const metaPage = meta.pages[pageIndex];
  const frames = useMemo(() => metaPage?.frames ?? [], [metaPage]);
  const frame = frames.find((f) => f.id === selected) ?? null;

  // A selection names a frame id: while that frame is missing (deleted, undone, or the meta briefly replaced
  // by a fetch that has not seen the latest save) nothing is selected, and it comes back with the frame.
  // Another page starts with nothing selected.
  useEffect(() => setSelected(null), [pageIndex]);

  const width = pagePixelWidth(zoom, page.width, page.height, view.w, view.h);

  if (!metaPage) return null;
  const pageId = metaPage.id;

  const select = (id: string | null) => {
    setSelected(id);
    const f = frames.find((x) => x.id === id);
    const s = f ? storyOf(f) : null;
    if (s) setStoryId(s);
  };

  const threadLabel = (f: Frame) => {
    if (f.kind !== 'text') return null;
    const thread = threadOf(meta, f.storyId);
    if (thread.length < 2) return null;
    return t('frames.threadLabel', { n: thread.findIndex((l) => l.frameId === f.id && l.pageId === pageId) + 1, of: thread.length });
  };

  const moveBy = (cols: number, lines: number, resize: boolean) => {
    if (!frame || frame.kind === 'runningHead') return;
    const rect = resize ? resizeRect(meta.geometry, frame, 'se', cols, lines) : moveRect(meta.geometry, frame, cols, lines);
    void edits.apply(t(resize ? 'frames.op.resize' : 'frames.op.move'), (m) => setFrameRect(m, pageId, frame.id, rect));
  };

  const remove = () => {
    if (!frame) return;
    void edits.apply(t('frames.op.delete'), (m) => deleteFrame(m, pageId, frame.id));
  };

  const onKey = (e: KeyboardEvent) => {
    if (readOnly) return;
    const mod = e.ctrlKey || e.metaKey;
    if (mod && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      void (e.shiftKey ? edits.redo() : edits.undo());
      return;
    }
    if (mod && e.key.toLowerCase() === 'y') {
      e.preventDefault();
      void edits.redo();
      return;
    }
    const arrows: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
    const a = arrows[e.key];
    if (a && frame) {
      e.preventDefault();
      moveBy(a[0], a[1], e.shiftKey);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && frame) {
      e.preventDefault();
      remove();
    } else if (e.key === 'Escape') {
      setSelected(null);
    }
  };

  const onRect = (frameId: string, rect: GridCoords, how: 'move' | 'resize') =>
    void edits.apply(t(how === 'move' ? 'frames.op.move' : 'frames.op.resize'), (m) => setFrameRect(m, pageId, frameId, rect));

  const onDraw = (rect: GridCoords) => {
    let id: string | null = null;
    void edits
      .apply(t('frames.op.draw', { kind: t(DRAW_KEYS[drawKind]) }), (m) => {
        const r = addFrame(m, pageId, { kind: drawKind, rect, storyId: drawKind === 'rule' ? null : drawKind === 'box' ? null : storyId || null });
        id = r.frameId;
        return r.meta;
      })
      .then((ok) => {
        if (ok && id) {
          setSelected(id);
          setTool('select');
        }
      });
  };

  const story = stories.get(storyId) ?? null;
  const fit = frame && storyOf(frame) ? copyfits.get(storyOf(frame)!) ?? null : null;
  const placed = new Set(meta.pages.flatMap((p) => p.frames.map(storyOf)).filter((s): s is string => s !== null));

  return (
    <section className="page-view frame-editor" aria-label={t('frames.editor')} data-testid="frame-editor">
      <div className="page-toolbar frame-toolbar" role="toolbar" aria-label={t('frames.tools')}>
        <span className="page-title">{t('page.title', { number: metaPage.number })}</span>
        {ZOOMS.map((z) => (
          <button key={String(z)} type="button" aria-pressed={zoom === z} onClick={() => setZoom(z)}>
            {t(ZOOM_KEYS[z])}
          </button>
        ))}
        <span className="frame-sep" />
        <button type="button" aria-pressed={tool === 'select'} onClick={() => setTool('select')}>
          {t('frames.tool.select')}
        </button>
        <button type="button" aria-pressed={tool === 'draw'} disabled={readOnly} onClick={() => setTool('draw')}>
          {t('frames.tool.draw')}
        </button>
        <label>
          {t('frames.kind')}
          <select value={drawKind} onChange={(e) => setDrawKind(e.target.value as DrawableKind)}>
            {DRAWABLE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(DRAW_KEYS[k])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('frames.story')}
          <select value={storyId} onChange={(e) => setStoryId(e.target.value)} data-testid="frame-story">
            {meta.storyIds.map((id) => (
              <option key={id} value={id}>
                {stories.get(id)?.slug ?? id}
              </option>
            ))}
          </select>
        </label>
        <span className="frame-sep" />
        <button type="button" disabled={readOnly || !frame} onClick={remove}>
          {t('frames.delete')}
        </button>
        <button
          type="button"
          disabled={readOnly || !frame || !storyId || (frame.kind !== 'text' && frame.kind !== 'box')}
          onClick={() => frame && void edits.apply(t('frames.op.thread'), (m) => threadFrame(m, pageId, frame.id, storyId))}
        >
          {t('frames.thread')}
        </button>
        <button type="button" disabled={readOnly || frame?.kind !== 'text'} onClick={() => frame && void edits.apply(t('frames.op.unthread'), (m) => unthreadFrame(m, pageId, frame.id))}>
          {t('frames.unthread')}
        </button>
        <span className="frame-sep" />
        <button type="button" data-testid="frames-undo" disabled={readOnly || !edits.canUndo} title={edits.undoLabel ?? undefined} onClick={() => void edits.undo()}>
          {t('frames.undo')}
        </button>
        <button type="button" data-testid="frames-redo" disabled={readOnly || !edits.canRedo} title={edits.redoLabel ?? undefined} onClick={() => void edits.redo()}>
          {t('frames.redo')}
        </button>
      </div>
      <div className="frame-status" data-testid="frame-status">
        {frame ? (
          <>
            <span data-testid="frame-selected" data-frame-id={frame.id}>
              {t('frames.selected', { kind: t(KIND_KEYS[frame.kind]), col: frame.col + 1, span: frame.span, line: frame.line + 1, lines: frame.lines })}
            </span>
            {storyOf(frame) && <span className="frame-story">{stories.get(storyOf(frame)!)?.slug ?? storyOf(frame)}</span>}
            {fit && <CopyfitLabel fit={fit} testId="frame-copyfit" />}
          </>
        ) : (
          <span>{readOnly ? t('frames.readOnly') : tool === 'draw' ? t('frames.hintDraw') : t('frames.hintSelect')}</span>
        )}
        <EditError edits={edits} />
      </div>
      <div className="frame-body">
        <aside className="frame-stories" aria-label={t('frames.storyList')}>
          {frame && <FrameProps meta={meta} pageId={pageId} frame={frame} edits={edits} readOnly={readOnly} />}
          <p className="frame-hint">{t('frames.dragHint')}</p>
          <ul>
            {meta.storyIds.map((id) => (
              <li
                key={id}
                draggable={!readOnly}
                data-story-id={id}
                className={placed.has(id) ? 'placed' : 'unplaced'}
                onDragStart={(e) => {
                  e.dataTransfer.setData(STORY_DRAG_TYPE, id);
                  e.dataTransfer.effectAllowed = 'copy';
                }}
              >
                {stories.get(id)?.slug ?? id}
                {!placed.has(id) && <span className="frame-unplaced">{t('frames.unplaced')}</span>}
              </li>
            ))}
          </ul>
          {story && !readOnly && (
            <PhotoPlacer
              sessionId={props.sessionId}
              story={story}
              onStory={props.onStory}
              onPlace={(photoIndex, imported) => {
                let id: string | null = null;
                // An import changed issue.json in the main process (its asset list): build on that, not on the meta shown.
                void (imported ? edits.refresh() : Promise.resolve())
                  .then(() => edits.apply(t('frames.op.photo'), (m) => {
                    const rect = { col: 0, span: Math.min(3, m.geometry.columns), line: Math.min(10, m.geometry.lines - 16), lines: 16 };
                    const r = addFrame(m, pageId, { kind: 'image', storyId: story.id, photoIndex, rect });
                    id = r.frameId;
                    return r.meta;
                  }))
                  .then((ok) => ok && id && setSelected(id));
              }}
            />
          )}
        </aside>
        <div className="page-scroll" ref={viewRef}>
          <div
            className="page-sheet frame-sheet"
            data-testid="frame-sheet"
            data-page={metaPage.number}
            tabIndex={0}
            onKeyDown={onKey}
            style={{ width: `${width}px`, height: `${(width * page.height) / page.width}px` }}
            onDragOver={(e) => {
              if (!readOnly && e.dataTransfer.types.includes(STORY_DRAG_TYPE)) {
                e.preventDefault();
                e.dataTransfer.dropEffect = 'copy';
              }
            }}
            onDrop={(e) => {
              const id = e.dataTransfer.getData(STORY_DRAG_TYPE);
              if (!id || readOnly) return;
              e.preventDefault();
              const box = e.currentTarget.getBoundingClientRect();
              const k = page.width / box.width;
              const cell = cellAt(grid, (e.clientX - box.left) * k, (e.clientY - box.top) * k);
              let ids: string[] = [];
              void edits
                .apply(t('frames.op.place', { slug: stories.get(id)?.slug ?? id }), (m) => {
                  const r = placeStory(m, pageId, id, cell.col, cell.line);
                  ids = r.frameIds;
                  return r.meta;
                })
                .then((ok) => {
                  if (ok && ids[1]) {
                    setSelected(ids[1]);
                    setStoryId(id);
                  }
                });
            }}
          >
            {/* The page view's drawing (its runs are those 看版 drew): an edit redraws only the runs it changed, and a
                selection or a drag step draws nothing (the frames are an overlay). */}
            <div className="frame-art">
              <PageSvg page={page} fonts={fonts} pictures={pictures} frameGuides={false} />
            </div>
            <FrameOverlay
              grid={grid}
              frames={frames}
              selected={selected}
              tool={tool}
              readOnly={readOnly}
              threadLabel={threadLabel}
              onSelect={select}
              onRect={onRect}
              onDraw={onDraw}
              onOpen={(f) => {
                const s = storyOf(f);
                if (s) props.onOpenStory(s);
              }}
            />
          </div>
        </div>
      </div>
    </section>
  );
}
