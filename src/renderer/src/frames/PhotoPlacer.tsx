import { useState } from 'react';
import { type Story } from '../../../core/model';
import { useI18n } from '../i18n/I18nProvider';
import { yeban } from '../ipc/api';

/**
 * The chosen story's photos, each placeable as an image frame, and the import of a new one: the main process
 * checks the picture and stores it in the issue (asset:import), the story gets it as its next photo and is
 * saved, and the photo can then be placed. The frame shows the photo by its index in the story.
 */
export function PhotoPlacer({ sessionId, story, onStory, onPlace }: {
  sessionId: string;
  story: Story;
  onStory(story: Story): void;
  /** `imported`: the photo was just imported, which changed issue.json in the main process. */
  onPlace(photoIndex: number, imported: boolean): void;
}) {
  const { t } = useI18n();
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const importPhoto = async () => {
    const file = path.trim();
    if (!file) return setProblem(t('frames.photoPathMissing'));
    setBusy(true);
    setProblem(null);
    try {
      const a = await yeban().invoke('asset:import', { sessionId, path: file });
      if (!a.ok) return setProblem(a.error.message);
      const photos = [...story.photos, { assetId: a.value.asset.id, caption: '', credit: '' }];
      const s = await yeban().invoke('story:save', { sessionId, storyId: story.id, story: { ...story, photos } });
      if (!s.ok) return setProblem(s.error.message);
      if (s.value.status === 'conflict') return setProblem(s.value.message);
      onStory(s.value.story);
      setPath('');
      onPlace(photos.length - 1, true);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="frame-photos" aria-label={t('frames.photos')}>
      <h3>{t('frames.photosOf', { slug: story.slug })}</h3>
      {story.photos.length === 0 && <p className="frame-hint">{t('frames.noPhotos')}</p>}
      <ol>
        {story.photos.map((p, i) => (
          <li key={i}>
            <span>{p.caption || (p.assetId ? p.assetId.slice(0, 8) : t('frames.photoAwaited'))}</span>
            <button type="button" onClick={() => onPlace(i, false)}>
              {t('frames.placePhoto')}
            </button>
          </li>
        ))}
      </ol>
      <label className="frame-photo-import">
        {t('frames.photoPath')}
        <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="/home/…/photo.jpg" data-testid="photo-path" />
      </label>
      <button type="button" disabled={busy} onClick={() => void importPhoto()}>
        {t('frames.importPhoto')}
      </button>
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
