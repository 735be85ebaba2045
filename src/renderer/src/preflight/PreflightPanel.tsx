import { useMemo } from 'react';
import { type DisplayPage } from '../../../core/display/types';
import { type LayoutReport } from '../../../core/layout';
import { type IssueMeta, type Story } from '../../../core/model';
import { useI18n } from '../i18n/I18nProvider';
import { deskPreflight, type DeskFinding } from './desk-preflight';
import { type Spot } from './spot';
import './panels.css';

export interface PreflightPanelProps {
  meta: IssueMeta;
  stories: ReadonlyMap<string, Story>;
  report: LayoutReport | null;
  pages: readonly DisplayPage[];
  onShow(spot: Spot): void;
  onClose(): void;
}

/** 预检: what would go wrong on the plate, from the desk's live layout; a click shows the spot. */
export function PreflightPanel({ meta, stories, report, pages, onShow, onClose }: PreflightPanelProps) {
  const { t } = useI18n();
  const findings = useMemo((): DeskFinding[] => (report ? deskPreflight(meta, stories, report, pages) : []), [meta, stories, report, pages]);
  const errors = findings.filter((f) => f.severity === 'error').length;
  return (
    <section className="side-panel" aria-label={t('preflight.title')}>
      <header className="side-panel__head">
        <h2>{t('preflight.title')}</h2>
        <button type="button" onClick={onClose}>
          {t('panel.close')}
        </button>
      </header>
      {!report ? (
        <p className="app-status">{t('desk.layingOut')}</p>
      ) : findings.length === 0 ? (
        <p data-testid="preflight-summary">{t('preflight.clean')}</p>
      ) : (
        <>
          <p data-testid="preflight-summary">{t('preflight.summary', { n: findings.length, errors })}</p>
          <ul className="finding-list" aria-label={t('preflight.findings')}>
            {findings.map((f, i) => (
              <li key={`${f.code}-${i}`} className={`finding finding--${f.severity}`} data-code={f.code}>
                <button type="button" onClick={() => onShow(f.spot)}>
                  <span className="finding__tag">{t(`severity.${f.severity}`)}</span>
                  {f.message}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
