import { useState } from 'react';
import { datelineText } from '../../../core/model/body';
import { parseCredits } from '../../../core/text/dateline';
import { datelineProblem } from './dateline';
import { type Dateline } from './nodes/DatelineNode';
import { useEditorText } from './useEditorText';

type Suffix = NonNullable<Dateline['suffix']>;
const SUFFIXES: Suffix[] = ['讯', '电', '报道'];

function creditsText(d: Dateline | null): string {
  return (d?.credits ?? []).map((c) => `${c.role}\u3000${c.names.join('\u3000')}`).join('\u3000');
}

export interface DatelineFormProps {
  initial: Dateline | null;
  onSave: (d: Dateline) => void;
  onRemove: () => void;
  onCancel: () => void;
}

/** Dialog fields for the 电头: agency, place, date, 讯/电/报道 and the credits, with a live preview. */
export function DatelineForm({ initial, onSave, onRemove, onCancel }: DatelineFormProps) {
  const et = useEditorText();
  const [agency, setAgency] = useState(initial?.agency ?? '本报');
  const [place, setPlace] = useState(initial?.place ?? '');
  const [date, setDate] = useState(initial?.date ?? '');
  const [suffix, setSuffix] = useState<Suffix | ''>(initial?.suffix ?? '');
  const [credits, setCredits] = useState(creditsText(initial));

  const parsedCredits = credits.trim() === '' ? [] : parseCredits(credits.trim());
  const draft: Dateline | null = parsedCredits && {
    agency: agency.trim(),
    place: place.trim(),
    ...(date.trim() ? { date: date.trim() } : {}),
    ...(suffix ? { suffix } : {}),
    credits: parsedCredits,
  };
  const problem = !agency.trim()
    ? et('dateline.agencyMissing')
    : !draft
      ? et('dateline.creditsInvalid')
      : datelineProblem(draft) && et('dateline.invalid', { reason: datelineProblem(draft) ?? '' });

  return (
    <form
      className="story-dateline-form"
      data-testid="story-dateline-form"
      aria-label={et('dateline.title')}
      onSubmit={(e) => {
        e.preventDefault();
        if (draft && !problem) onSave(draft);
      }}
    >
      <label>
        {et('dateline.agency')}
        <input data-testid="story-dateline-agency" value={agency} onChange={(e) => setAgency(e.target.value)} />
      </label>
      <label>
        {et('dateline.place')}
        <input data-testid="story-dateline-place" value={place} onChange={(e) => setPlace(e.target.value)} />
      </label>
      <label>
        {et('dateline.date')}
        <input data-testid="story-dateline-date" value={date} placeholder="3月4日" onChange={(e) => setDate(e.target.value)} />
      </label>
      <label>
        {et('dateline.suffix')}
        <select data-testid="story-dateline-suffix" value={suffix} onChange={(e) => setSuffix(e.target.value as Suffix | '')}>
          <option value="">{et('dateline.suffixAuto')}</option>
          {SUFFIXES.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label>
        {et('dateline.credits')}
        <input data-testid="story-dateline-credits" value={credits} placeholder={et('dateline.creditsHint')} onChange={(e) => setCredits(e.target.value)} />
      </label>
      <p className="story-dateline-form__preview" data-testid="story-dateline-preview">
        {et('dateline.preview')}：{draft && !problem ? datelineText(draft) : ''}
      </p>
      {problem && (
        <p className="story-dateline-form__problem" role="alert">
          {problem}
        </p>
      )}
      <div className="story-dateline-form__actions">
        <button type="submit" data-testid="story-dateline-save" disabled={Boolean(problem)}>
          {et('dateline.save')}
        </button>
        {initial && (
          <button type="button" data-testid="story-dateline-remove" onClick={onRemove}>
            {et('dateline.remove')}
          </button>
        )}
        <button type="button" data-testid="story-dateline-cancel" onClick={onCancel}>
          {et('dateline.cancel')}
        </button>
      </div>
    </form>
  );
}
