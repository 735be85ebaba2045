import { useEffect, useMemo, useState } from 'react';
import { type IssueMeta, type Story } from '../../../core/model';
import { useI18n } from '../i18n/I18nProvider';
import { IpcFontLoader } from '../layout/ipc-font-loader';
import { fieldLabel, issueCoverage, proofIssue } from './proof-run';
import '../preflight/panels.css';

export interface ProofPanelProps {
  meta: IssueMeta;
  stories: ReadonlyMap<string, Story>;
  onOpenStory(storyId: string): void;
  onClose(): void;
}

/** 校对: every finding of the proofreader over the stories as they are now; a click opens the story. */
export function ProofPanel({ meta, stories, onOpenStory, onClose }: ProofPanelProps) {
  const { t } = useI18n();
  const loader = useMemo(() => new IpcFontLoader(), []);
  const [covers, setCovers] = useState<((cp: number) => boolean) | undefined>(undefined);
  useEffect(() => {
    let live = true;
    // A font that cannot be fetched leaves its characters reported, never the panel broken.
    issueCoverage(meta, stories, loader).then((c) => live && setCovers(() => c), () => live && setCovers(undefined));
    return () => {
      live = false;
    };
  }, [meta, stories, loader]);
  const findings = useMemo(() => proofIssue(meta, stories, covers), [meta, stories, covers]);
  return (
    <section className="side-panel" aria-label={t('proof.title')}>
      <header className="side-panel__head">
        <h2>{t('proof.title')}</h2>
        <button type="button" onClick={onClose}>
          {t('panel.close')}
        </button>
      </header>
      <p data-testid="proof-summary">
        {findings.length === 0 ? t('proof.clean', { n: meta.storyIds.length }) : t('proof.summary', { n: findings.length })}
        {meta.house.dictionary.length > 0 && ` ${t('proof.dictionary', { n: meta.house.dictionary.length })}`}
      </p>
      <ul className="finding-list" aria-label={t('proof.findings')}>
        {findings.map((f, i) => (
          <li key={`${f.storyId}-${f.field}-${f.offset}-${f.rule}-${i}`} className="finding finding--warning" data-rule={f.rule} data-story={f.storyId}>
            <button type="button" onClick={() => onOpenStory(f.storyId)}>
              <span className="finding__tag">{t(`proofRule.${f.rule}`)}</span>
              {t('proof.line', {
                slug: stories.get(f.storyId)?.slug ?? f.storyId,
                field: fieldLabel(f.field),
                offset: f.offset + 1,
                message: f.message,
                fix: f.suggestion === '' ? t('proof.delete') : t('proof.replace', { text: f.suggestion }),
              })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
