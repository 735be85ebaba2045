import { useState } from 'react';
import { type Story } from '../../../core/model';
import { useI18n } from '../i18n/I18nProvider';
import { yeban } from '../ipc/api';
import { newStory } from './new-story';
import { KindOptions } from './StoryOptions';

/** 新建稿件: a slug, a kind and the author; the story is added to the issue and opened. */
export function NewStoryForm({ sessionId, onCreated, onCancel }: { sessionId: string; onCreated: (s: Story) => void; onCancel: () => void }) {
  const { t } = useI18n();
  const [slug, setSlug] = useState('');
  const [kind, setKind] = useState<Story['kind']>('消息');
  const [author, setAuthor] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (slug.trim() === '') {
      setError(t('newStory.slugMissing'));
      return;
    }
    setBusy(true);
    const story = newStory({ slug, kind, author });
    const r = await yeban().invoke('story:add', { sessionId, story });
    setBusy(false);
    if (!r.ok) setError(r.error.message);
    else onCreated(r.value.story);
  };

  return (
    <form
      className="new-story"
      aria-label={t('newStory.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <label>
        {t('budget.slug')}
        <input value={slug} maxLength={100} onChange={(e) => setSlug(e.target.value)} autoFocus />
      </label>
      <label>
        {t('budget.kind')}
        <select value={kind} onChange={(e) => setKind(e.target.value as Story['kind'])}>
          <KindOptions />
        </select>
      </label>
      <label>
        {t('budget.author')}
        <input value={author} maxLength={100} onChange={(e) => setAuthor(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        {t('newStory.create')}
      </button>
      <button type="button" onClick={onCancel}>
        {t('newStory.cancel')}
      </button>
      {error !== null && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
