import { type Frame, type IssueMeta } from '../../../core/model';
import { useI18n } from '../i18n/I18nProvider';
import {
  MAX_STANDOFF, maxColumns, moveInThread, partsOf, setHeadlineOrientation, setHeadlineParts, setImageProps, setTextColumns, setTextWrap, threadPosition, wrapsText,
  type HeadlineParts,
} from './frame-props';
import { type MetaEdits } from './useMetaEdits';

const PARTS: readonly { part: keyof HeadlineParts; key: 'frames.props.kicker' | 'frames.props.main' | 'frames.props.sub' }[] = [
  { part: 'kicker', key: 'frames.props.kicker' },
  { part: 'main', key: 'frames.props.main' },
  { part: 'sub', key: 'frames.props.sub' },
];

/** The number typed (the edit refuses one that is not whole or out of range, saying which), or null while the field is empty. */
const typed = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/**
 * The selected frame's properties: a text frame's columns and its place in the thread, a picture's fit, text
 * wrap and standoff, a headline block's parts. Each change is one undoable edit (useMetaEdits).
 */
export function FrameProps({ meta, pageId, frame, edits, readOnly }: { meta: IssueMeta; pageId: string; frame: Frame; edits: MetaEdits; readOnly: boolean }) {
  const { t } = useI18n();
  const label = t('frames.props.op', { kind: t(`frames.kind.${frame.kind}`) });
  const apply = (op: (m: IssueMeta) => IssueMeta, what = label) => void edits.apply(what, op);

  let body: React.ReactNode = null;
  if (frame.kind === 'text') {
    const most = maxColumns(meta, frame.span);
    const pos = threadPosition(meta, pageId, frame.id);
    body = (
      <>
        <label>
          {t('frames.props.columns')}
          <select
            value={frame.columns === null ? '' : String(frame.columns)}
            disabled={readOnly}
            data-testid="frame-columns"
            onChange={(e) => apply((m) => setTextColumns(m, pageId, frame.id, e.target.value === '' ? null : Number(e.target.value)))}
          >
            <option value="">{t('frames.props.columnsAuto', { n: frame.span })}</option>
            {Array.from({ length: most }, (_, i) => i + 1)
              .filter((n) => n !== frame.span)
              .map((n) => (
                <option key={n} value={String(n)}>
                  {t('frames.props.columnsN', { n })}
                </option>
              ))}
          </select>
        </label>
        <label className="frame-props-check">
          <input type="checkbox" checked={frame.wrap !== false} disabled={readOnly} data-testid="frame-text-wrap" onChange={(e) => apply((m) => setTextWrap(m, pageId, frame.id, e.target.checked))} />
          {t('frames.props.textWrap')}
        </label>
        {pos && pos.of > 1 && (
          <div className="frame-props-thread">
            <span data-testid="frame-thread-position">{t('frames.props.threadAt', { n: pos.at, of: pos.of })}</span>
            <button type="button" disabled={readOnly || pos.at === 1} onClick={() => apply((m) => moveInThread(m, pageId, frame.id, -1), t('frames.op.threadEarlier'))}>
              {t('frames.props.earlier')}
            </button>
            <button type="button" disabled={readOnly || pos.at === pos.of} onClick={() => apply((m) => moveInThread(m, pageId, frame.id, 1), t('frames.op.threadLater'))}>
              {t('frames.props.later')}
            </button>
          </div>
        )}
      </>
    );
  } else if (frame.kind === 'image') {
    const wrap = wrapsText(frame);
    body = (
      <>
        <label>
          {t('frames.props.fit')}
          <select value={frame.fit} disabled={readOnly} data-testid="frame-fit" onChange={(e) => apply((m) => setImageProps(m, pageId, frame.id, { fit: e.target.value === 'fit' ? 'fit' : 'fill' }))}>
            <option value="fill">{t('frames.props.fitFill')}</option>
            <option value="fit">{t('frames.props.fitWhole')}</option>
          </select>
        </label>
        <label className="frame-props-check">
          <input type="checkbox" checked={wrap} disabled={readOnly} data-testid="frame-wrap" onChange={(e) => apply((m) => setImageProps(m, pageId, frame.id, { wrap: e.target.checked }))} />
          {t('frames.props.wrap')}
        </label>
        <label>
          {t('frames.props.standoffChars')}
          <input
            type="number" min={0} max={MAX_STANDOFF} step={1} value={frame.standoffChars} disabled={readOnly || !wrap} data-testid="frame-standoff-chars"
            onChange={(e) => {
              const n = typed(e.target.value);
              if (n !== null) apply((m) => setImageProps(m, pageId, frame.id, { standoffChars: n }));
            }}
          />
        </label>
        <label>
          {t('frames.props.standoffLines')}
          <input
            type="number" min={0} max={MAX_STANDOFF} step={1} value={frame.standoffLines} disabled={readOnly || !wrap} data-testid="frame-standoff-lines"
            onChange={(e) => {
              const n = typed(e.target.value);
              if (n !== null) apply((m) => setImageProps(m, pageId, frame.id, { standoffLines: n }));
            }}
          />
        </label>
      </>
    );
  } else if (frame.kind === 'headline') {
    const parts = partsOf(frame);
    body = (
      <>
        <label>
          {t('frames.props.orientation')}
          <select
            value={frame.orientation ?? 'horizontal'} disabled={readOnly} data-testid="frame-orientation"
            onChange={(e) => apply((m) => setHeadlineOrientation(m, pageId, frame.id, e.target.value === 'vertical' ? 'vertical' : 'horizontal'))}
          >
            <option value="horizontal">{t('frames.props.horizontal')}</option>
            <option value="vertical">{t('frames.props.vertical')}</option>
          </select>
        </label>
        <fieldset className="frame-props-parts">
          <legend>{t('frames.props.parts')}</legend>
          {PARTS.map(({ part, key }) => (
            <label key={part} className="frame-props-check">
              <input type="checkbox" checked={parts[part]} disabled={readOnly} onChange={(e) => apply((m) => setHeadlineParts(m, pageId, frame.id, { [part]: e.target.checked }))} />
              {t(key)}
            </label>
          ))}
        </fieldset>
      </>
    );
  }
  if (!body) return null;
  return (
    <section className="frame-props" aria-label={t('frames.props.title')} data-testid="frame-props">
      <h3>{t('frames.props.title')}</h3>
      {body}
    </section>
  );
}
