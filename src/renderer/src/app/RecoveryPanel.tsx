import { useState } from 'react';
import { type Story } from '../../../core/model';
import { type DeskSession } from '../../../preload/api';
import { useI18n } from '../i18n/I18nProvider';
import { yeban } from '../ipc/api';

type Offer = DeskSession['recovery'][number];

/**
 * Edits the autosave journal kept when the app (or the machine) stopped before they were saved: each
 * offered once, to take back into the story as an unsaved draft, or to throw away.
 */
export function RecoveryPanel({ sessionId, offers, onRecovered }: { sessionId: string; offers: readonly Offer[]; onRecovered: (story: Story) => void }) {
  const { t } = useI18n();
  const [left, setLeft] = useState(offers);
  const [error, setError] = useState<string | null>(null);
  if (left.length === 0) return null;

  const done = (id: string) => setLeft((l) => l.filter((o) => o.storyId !== id));
  const recover = async (o: Offer) => {
    const r = await yeban().invoke('recovery:apply', { sessionId, storyId: o.storyId });
    if (!r.ok) return setError(r.error.message);
    done(o.storyId);
    onRecovered(r.value.story);
  };
  const discard = async (o: Offer) => {
    const r = await yeban().invoke('recovery:discard', { sessionId, storyId: o.storyId });
    if (!r.ok) return setError(r.error.message);
    done(o.storyId);
  };

  return (
    <section className="recovery" aria-label={t('recovery.title')}>
      <strong>{t('recovery.title')}</strong>
      <p>{t('recovery.explain')}</p>
      <ul>
        {left.map((o) => (
          <li key={o.storyId} data-story-id={o.storyId}>
            <span>
              {t('recovery.entry', { slug: o.slug, time: new Date(o.at).toLocaleString('zh-CN', { hour12: false }), user: o.user })}
              {o.currentRevision !== null && o.currentRevision > o.baseRevision && <em> {t('recovery.newer', { revision: o.currentRevision })}</em>}
            </span>
            <button type="button" className="primary" onClick={() => void recover(o)}>
              {t('recovery.apply')}
            </button>
            <button type="button" onClick={() => void discard(o)}>
              {t('recovery.discard')}
            </button>
          </li>
        ))}
      </ul>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
