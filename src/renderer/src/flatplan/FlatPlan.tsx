import { useEffect, useMemo, useState } from 'react';
import { type DisplayPage } from '../../../core/display/types';
import { type FontRegistry } from '../../../core/fonts';
import { type IssueMeta, type Page } from '../../../core/model';
import { addPage, movePage, removePage, updatePage, type PageProps } from '../frames/frame-ops';
import { type MetaEdits } from '../frames/useMetaEdits';
import { EditError } from '../frames/EditError';
import { useI18n } from '../i18n/I18nProvider';
import { PageThumb } from '../layout/PageThumb';
import '../frames/frames.css';

export interface FlatPlanProps {
  meta: IssueMeta;
  /** The laid-out pages, by page id (a page just added shows blank until it is laid out). */
  pages: readonly DisplayPage[];
  fonts: FontRegistry | null;
  pictures: ReadonlyMap<string, string>;
  current: number;
  edits: MetaEdits;
  readOnly: boolean;
  onPick(index: number): void;
}

/** 版面计划: every page of the issue as a thumbnail; add, remove and reorder pages; the chosen page's properties. */
export function FlatPlan({ meta, pages, fonts, pictures, current, edits, readOnly, onPick }: FlatPlanProps) {
  const { t } = useI18n();
  const [confirming, setConfirming] = useState<string | null>(null);
  const drawn = useMemo(() => new Map(pages.map((p) => [p.pageId, p])), [pages]);
  const at = Math.min(current, meta.pages.length - 1);
  const chosen = meta.pages[at];

  const add = () => {
    let id: string | null = null;
    void edits
      .apply(t('plan.op.add'), (m) => {
        const r = addPage(m, at);
        id = r.pageId;
        return r.meta;
      })
      .then((ok) => {
        if (ok && id) onPick(at + 1);
      });
  };

  const move = (from: number, to: number) =>
    void edits.apply(t('plan.op.move'), (m) => movePage(m, from, to)).then((ok) => ok && current === from && onPick(Math.max(0, Math.min(meta.pages.length - 1, to))));

  const remove = (page: Page, index: number) => {
    setConfirming(null);
    void edits.apply(t('plan.op.remove', { number: page.number }), (m) => removePage(m, page.id)).then((ok) => ok && onPick(Math.max(0, Math.min(index, meta.pages.length - 2))));
  };

  return (
    <section className="flat-plan" aria-label={t('plan.title')} data-testid="flat-plan">
      <div>
        <div className="flat-plan-bar">
          <button type="button" disabled={readOnly} onClick={add}>
            {t('plan.add')}
          </button>
          <button type="button" data-testid="plan-undo" disabled={readOnly || !edits.canUndo} title={edits.undoLabel ?? undefined} onClick={() => void edits.undo()}>
            {t('frames.undo')}
          </button>
          <button type="button" disabled={readOnly || !edits.canRedo} title={edits.redoLabel ?? undefined} onClick={() => void edits.redo()}>
            {t('frames.redo')}
          </button>
          <span className="frame-hint"> {t('plan.count', { n: meta.pages.length })}</span>
          <EditError edits={edits} />
        </div>
        <ol className="flat-plan-pages">
          {meta.pages.map((p, i) => {
            const d = drawn.get(p.id);
            return (
              <li key={p.id} className="flat-plan-page" data-page={p.number} aria-current={i === at ? 'page' : undefined}>
                <button type="button" className="thumb" aria-label={t('plan.pick', { number: p.number })} onClick={() => onPick(i)}>
                  {d && fonts ? <PageThumb page={d} fonts={fonts} pictures={pictures} /> : <span className="flat-plan-empty">{t('plan.notLaidOut')}</span>}
                </button>
                <span className="flat-plan-label">{t('page.thumb', { number: p.number, name: p.name })}</span>
                {!readOnly && (
                  <span className="flat-plan-actions">
                    <button type="button" aria-label={t('plan.moveEarlier', { number: p.number })} disabled={i === 0} onClick={() => move(i, i - 1)}>
                      ←
                    </button>
                    <button type="button" aria-label={t('plan.moveLater', { number: p.number })} disabled={i === meta.pages.length - 1} onClick={() => move(i, i + 1)}>
                      →
                    </button>
                    {confirming === p.id ? (
                      <button type="button" className="primary" onClick={() => remove(p, i)}>
                        {t('plan.confirmRemove', { number: p.number })}
                      </button>
                    ) : (
                      <button type="button" aria-label={t('plan.remove', { number: p.number })} onClick={() => setConfirming(p.id)}>
                        {t('plan.removeShort')}
                      </button>
                    )}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
      </div>
      {chosen && <PageForm key={chosen.id + JSON.stringify(pick(chosen))} page={chosen} readOnly={readOnly} onSave={(props) => void edits.apply(t('plan.op.props', { number: props.number }), (m) => updatePage(m, chosen.id, props))} />}
    </section>
  );
}

const pick = (p: Page): PageProps => ({ number: p.number, name: p.name, editor: p.editor, designer: p.designer, proofreader: p.proofreader });

const FIELDS = [
  ['number', 'plan.number'],
  ['name', 'plan.name'],
  ['editor', 'plan.editor'],
  ['designer', 'plan.designer'],
  ['proofreader', 'plan.proofreader'],
] as const;

function PageForm({ page, readOnly, onSave }: { page: Page; readOnly: boolean; onSave(props: PageProps): void }) {
  const { t } = useI18n();
  const [form, setForm] = useState<PageProps>(() => pick(page));
  useEffect(() => setForm(pick(page)), [page]);
  const changed = FIELDS.some(([k]) => form[k] !== page[k]);
  return (
    <form
      className="flat-plan-form"
      aria-label={t('plan.props')}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(form);
      }}
    >
      <h3>{t('plan.propsOf', { number: page.number })}</h3>
      {FIELDS.map(([k, label]) => (
        <label key={k}>
          {t(label)}
          <input value={form[k]} readOnly={readOnly} maxLength={k === 'number' ? 8 : 40} onChange={(e) => setForm({ ...form, [k]: e.target.value })} />
        </label>
      ))}
      <button type="submit" disabled={readOnly || !changed}>
        {t('plan.save')}
      </button>
    </form>
  );
}
