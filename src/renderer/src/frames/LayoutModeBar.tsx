import { useI18n } from '../i18n/I18nProvider';

/** The layout desk's three ways of working: look at the page (a click opens a story), edit frames, plan pages. */
export type LayoutMode = 'view' | 'frames' | 'plan';

const MODES = [
  ['view', 'layoutMode.view'],
  ['frames', 'layoutMode.frames'],
  ['plan', 'layoutMode.plan'],
] as const;

export function LayoutModeBar({ mode, onMode }: { mode: LayoutMode; onMode(mode: LayoutMode): void }) {
  const { t } = useI18n();
  return (
    <div className="desk-mode" role="toolbar" aria-label={t('layoutMode.bar')}>
      {MODES.map(([m, key]) => (
        <button key={m} type="button" aria-pressed={mode === m} onClick={() => onMode(m)}>
          {t(key)}
        </button>
      ))}
    </div>
  );
}
