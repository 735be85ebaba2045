import { useI18n } from '../i18n/I18nProvider';
import type { MetaEdits } from './useMetaEdits';

/** Why the last page edit was refused, with a dismiss button (frame editor and flat plan share one edit history). */
export function EditError({ edits }: { edits: Pick<MetaEdits, 'error' | 'clearError'> }) {
  const { t } = useI18n();
  if (!edits.error) return null;
  return (
    <span className="frame-error" role="alert">
      {edits.error}
      <button type="button" onClick={edits.clearError}>
        {t('events.dismiss')}
      </button>
    </span>
  );
}
