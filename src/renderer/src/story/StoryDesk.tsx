import { useCallback, useRef } from 'react';
import { type StyleCatalog } from '../../../core/model/style';
import { type Story } from '../../../core/model';
import { type StoryCaret } from '../editor/caret';
import { StoryEditor } from '../editor/StoryEditor';
import { StoryForm } from '../editor/StoryForm';
import { useI18n } from '../i18n/I18nProvider';
import { CopyfitLabel } from '../layout/CopyfitLabel';
import { type Copyfit } from '../layout/copyfit';
import { nextStatus, previousStatus, statusLocksText } from './status-flow';
import { useStorySession } from './useStorySession';

export interface StoryDeskProps {
  sessionId: string;
  storyId: string;
  /** Why the whole issue is read-only, or null. */
  sessionReadOnly: string | null;
  styles: StyleCatalog;
  /** The story's copyfit from the live layout, or null when it has no frame on a page. */
  copyfit: Copyfit | null;
  /** Every state of the story as it is edited (the page and the budget follow it). */
  onDraft(story: Story): void;
  onSaved(story: Story): void;
  onClose(): void;
  /** Where a click on the page view asked for the caret, or null. */
  caret?: StoryCaret | null;
}

/** The writing desk's story: headline and photo fields, the body editor, its status, save and close. */
export function StoryDesk({ sessionId, storyId, sessionReadOnly, styles, copyfit, onDraft, onSaved, onClose, caret = null }: StoryDeskProps) {
  const { t } = useI18n();
  const s = useStorySession(sessionId, storyId, sessionReadOnly, onSaved);
  const story = s.story;
  // The story edits build on: the one rendered, or one made since by an edit the render has not caught up with.
  const latest = useRef(story);
  latest.current = story;
  const { change } = s;
  // Stable, so that the headline fields and the body editor are not drawn again for each keystroke in the body.
  const edit = useCallback(
    (patch: Partial<Story>) => {
      if (!latest.current) return;
      const next = { ...latest.current, ...patch };
      latest.current = next;
      change(next);
      onDraft(next);
    },
    [change, onDraft],
  );
  const onHeadlineChange = useCallback((headline: Story['headline']) => edit({ headline }), [edit]);
  const onPhotosChange = useCallback((photos: Story['photos']) => edit({ photos }), [edit]);
  const onBodyChange = useCallback((body: Story['body']) => edit({ body }), [edit]);

  if (s.loadError !== null) {
    return (
      <section className="story-desk" aria-label={t('story.desk')}>
        <div className="app-error" role="alert">
          <strong>{t('story.loadFailed')}</strong>
          <p>{s.loadError}</p>
        </div>
        <button type="button" onClick={onClose}>
          {t('story.close')}
        </button>
      </section>
    );
  }
  if (!story) return <p className="app-status">{t('story.loading')}</p>;

  const textReadOnly = s.readOnly !== null || statusLocksText(story.status);
  const canSave = s.readOnly === null;
  const back = previousStatus(story.status);
  const forward = nextStatus(story.status);
  const setStatus = (status: Story['status']) => {
    const next = { ...story, status };
    onDraft(next);
    void s.saveNow(next);
  };

  return (
    <section className="story-desk" aria-label={t('story.desk')} data-story-id={story.id}>
      <header className="story-desk-bar">
        <h2 className="story-desk-title">{story.slug}</h2>
        <span className={`status status-${story.status}`} data-testid="story-status">
          {t(`status.${story.status}`)}
        </span>
        {copyfit && <CopyfitLabel fit={copyfit} testId="story-copyfit" />}
        <span className="story-save-state" data-testid="story-save-state" aria-live="polite">
          {s.save.state === 'saving'
            ? t('story.saving')
            : s.save.state === 'saved'
              ? t('story.saved', { revision: s.save.revision })
              : s.dirty
                ? t('story.unsaved')
                : ''}
        </span>
        <div className="story-desk-actions">
          {canSave && back && (
            <button type="button" onClick={() => setStatus(back)}>
              {t('story.sendBack', { status: t(`status.${back}`) })}
            </button>
          )}
          {canSave && forward && (
            <button type="button" onClick={() => setStatus(forward)}>
              {t('story.advance', { status: t(`status.${forward}`) })}
            </button>
          )}
          {canSave && (
            <button type="button" className="primary" onClick={() => void s.saveNow()}>
              {t('story.save')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('story.close')}
          </button>
        </div>
      </header>
      {s.readOnly?.reason === 'locked' && (
        <p className="notice notice-readonly" data-testid="story-locked">
          {t('story.lockedBy', { user: s.readOnly.holder.user, host: s.readOnly.holder.host })}
        </p>
      )}
      {s.readOnly?.reason === 'other' && <p className="notice notice-readonly">{t('story.readOnly', { reason: s.readOnly.message })}</p>}
      {s.readOnly === null && statusLocksText(story.status) && <p className="notice notice-readonly">{t('story.signedOff')}</p>}
      {s.save.state === 'conflict' && (
        <div className="app-error" role="alert" data-testid="story-conflict">
          <strong>{t('story.conflict')}</strong>
          <p>{s.save.message}</p>
          <button type="button" onClick={() => void s.resolve('mine')}>
            {t('story.keepMine')}
          </button>{' '}
          <button type="button" onClick={() => void s.resolve('theirs')}>
            {t('story.keepTheirs')}
          </button>
        </div>
      )}
      {s.save.state === 'failed' && (
        <div className="app-error" role="alert">
          <strong>{t('story.saveFailed')}</strong>
          <p>{s.save.message}</p>
        </div>
      )}
      <div className="story-desk-body">
        <StoryForm
          headline={story.headline}
          photos={story.photos}
          readOnly={textReadOnly}
          onHeadlineChange={onHeadlineChange}
          onPhotosChange={onPhotosChange}
          caret={caret && caret.field !== 'body' ? caret : null}
        />
        <StoryEditor
          key={story.id}
          body={story.body}
          styles={styles}
          readOnly={textReadOnly}
          onChange={onBodyChange}
          caret={caret?.field === 'body' ? caret : null}
        />
      </div>
    </section>
  );
}
