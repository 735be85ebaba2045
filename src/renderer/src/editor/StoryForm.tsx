import { memo, useEffect, useRef } from 'react';
import { type Headline, type Photo } from '../../../core/model/story';
import { type StoryCaret } from './caret';
import { useEditorText } from './useEditorText';

const PARTS = [
  { key: 'kicker', label: 'form.kicker', field: 'kicker' },
  { key: 'main', label: 'form.main', field: 'headline' },
  { key: 'sub', label: 'form.sub', field: 'subtitle' },
] as const;

/**
 * Focuses a field with the caret at `offset` (a click on the page view) whenever `caret.seq` changes. The fields'
 * text is what the composer counts: a headline part's lines joined by '\n', a caption or credit as is.
 */
function useCaretIn<T extends HTMLTextAreaElement | HTMLInputElement>(caret: StoryCaret | null) {
  const ref = useRef<T>(null);
  const offset = caret?.offset ?? null;
  const seq = caret?.seq ?? null;
  useEffect(() => {
    const el = ref.current;
    if (!el || offset === null) return;
    el.focus({ preventScroll: true });
    const at = Math.min(offset, el.value.length);
    el.setSelectionRange(at, at);
    el.scrollIntoView({ block: 'center' });
  }, [offset, seq]);
  return ref;
}

/** A headline part edited as text, one headline line per line; blank lines are dropped when it loses focus. */
function HeadlineLines({ lines, label, testId, readOnly, onChange, caret }: { lines: string[]; label: string; testId: string; readOnly: boolean; onChange: (lines: string[]) => void; caret: StoryCaret | null }) {
  const text = lines.join('\n');
  const ref = useCaretIn<HTMLTextAreaElement>(caret);
  return (
    <label className="story-form__field">
      {label}
      <textarea
        ref={ref}
        data-testid={testId}
        rows={Math.max(1, lines.length)}
        value={text}
        readOnly={readOnly}
        onChange={(e) => onChange(e.target.value.split('\n'))}
        onBlur={() => {
          const kept = lines.filter((l) => l.trim().length > 0);
          if (kept.length !== lines.length) onChange(kept);
        }}
      />
    </label>
  );
}

export interface StoryFormProps {
  headline: Headline;
  photos: Photo[];
  readOnly: boolean;
  onHeadlineChange(headline: Headline): void;
  onPhotosChange(photos: Photo[]): void;
  /** A headline, caption or credit place a click on the page view asked for, or null. */
  caret?: StoryCaret | null;
}

/** A photo's caption and credit fields. */
function PhotoFields({ photo, i, readOnly, setPhoto, caret }: { photo: Photo; i: number; readOnly: boolean; setPhoto: (i: number, patch: Partial<Photo>) => void; caret: StoryCaret | null }) {
  const et = useEditorText();
  const captionRef = useCaretIn<HTMLTextAreaElement>(caret?.field === 'caption' && (caret.index ?? 0) === i ? caret : null);
  const creditRef = useCaretIn<HTMLInputElement>(caret?.field === 'credit' && (caret.index ?? 0) === i ? caret : null);
  return (
    <div className="story-form__photo" data-testid={`story-photo-${i}`}>
      <h4>
        {et('form.photo', { n: i + 1 })}
        {photo.assetId === null && <span className="story-form__awaited">（{et('form.photoMissing')}）</span>}
      </h4>
      <label className="story-form__field">
        {et('form.caption')}
        <textarea ref={captionRef} data-testid={`story-photo-caption-${i}`} value={photo.caption} readOnly={readOnly} onChange={(e) => setPhoto(i, { caption: e.target.value })} />
      </label>
      <label className="story-form__field">
        {et('form.credit')}
        <input
          ref={creditRef}
          data-testid={`story-photo-credit-${i}`}
          value={photo.credit}
          placeholder={et('form.creditHint')}
          readOnly={readOnly}
          onChange={(e) => setPhoto(i, { credit: e.target.value })}
        />
      </label>
    </div>
  );
}

/** The fields beside the body: 引题/主题/副题 and each photo's caption and credit. */
/** Memoised: a keystroke in the body leaves the headline and photos as they were, and their fields are not drawn again. */
export const StoryForm = memo(function StoryForm({ headline, photos, readOnly, onHeadlineChange, onPhotosChange, caret = null }: StoryFormProps) {
  const et = useEditorText();
  const setPhoto = (i: number, patch: Partial<Photo>) => onPhotosChange(photos.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <div className="story-form" data-testid="story-form">
      <fieldset className="story-form__headline">
        <legend>{et('form.headline')}</legend>
        {PARTS.map((part) => (
          <HeadlineLines
            key={part.key}
            label={et(part.label)}
            testId={`story-headline-${part.key}`}
            lines={headline[part.key]}
            readOnly={readOnly}
            onChange={(lines) => onHeadlineChange({ ...headline, [part.key]: lines })}
            caret={caret?.field === part.field ? caret : null}
          />
        ))}
        <p className="story-form__hint">{et('form.linesHint')}</p>
      </fieldset>
      {photos.length > 0 && (
        <fieldset className="story-form__photos">
          <legend>{et('form.photos')}</legend>
          {photos.map((photo, i) => (
            <PhotoFields key={photo.assetId ?? `awaited-${i}`} photo={photo} i={i} readOnly={readOnly} setPhoto={setPhoto} caret={caret} />
          ))}
        </fieldset>
      )}
    </div>
  );
});
