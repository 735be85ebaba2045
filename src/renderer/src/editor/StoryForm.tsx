import { type Headline, type Photo } from '../../../core/model/story';
import { useEditorText } from './useEditorText';

const PARTS = [
  { key: 'kicker', label: 'form.kicker' },
  { key: 'main', label: 'form.main' },
  { key: 'sub', label: 'form.sub' },
] as const;

/** A headline part edited as text, one headline line per line; blank lines are dropped when it loses focus. */
function HeadlineLines({ lines, label, testId, readOnly, onChange }: { lines: string[]; label: string; testId: string; readOnly: boolean; onChange: (lines: string[]) => void }) {
  const text = lines.join('\n');
  return (
    <label className="story-form__field">
      {label}
      <textarea
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
}

/** The fields beside the body: 引题/主题/副题 and each photo's caption and credit. */
export function StoryForm({ headline, photos, readOnly, onHeadlineChange, onPhotosChange }: StoryFormProps) {
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
          />
        ))}
        <p className="story-form__hint">{et('form.linesHint')}</p>
      </fieldset>
      {photos.length > 0 && (
        <fieldset className="story-form__photos">
          <legend>{et('form.photos')}</legend>
          {photos.map((photo, i) => (
            <div className="story-form__photo" key={photo.assetId ?? `awaited-${i}`} data-testid={`story-photo-${i}`}>
              <h4>
                {et('form.photo', { n: i + 1 })}
                {photo.assetId === null && <span className="story-form__awaited">（{et('form.photoMissing')}）</span>}
              </h4>
              <label className="story-form__field">
                {et('form.caption')}
                <textarea data-testid={`story-photo-caption-${i}`} value={photo.caption} readOnly={readOnly} onChange={(e) => setPhoto(i, { caption: e.target.value })} />
              </label>
              <label className="story-form__field">
                {et('form.credit')}
                <input
                  data-testid={`story-photo-credit-${i}`}
                  value={photo.credit}
                  placeholder={et('form.creditHint')}
                  readOnly={readOnly}
                  onChange={(e) => setPhoto(i, { credit: e.target.value })}
                />
              </label>
            </div>
          ))}
        </fieldset>
      )}
    </div>
  );
}
