import { type DeskIssue } from '../../../preload/api';
import { useI18n } from '../i18n/I18nProvider';

export function IssueHeader({ opened }: { opened: DeskIssue }) {
  const { t } = useI18n();
  const { issue } = opened;
  return (
    <div className="issue-header">
      <span className="issue-paper">{issue.paper}</span>
      <time className="issue-date" dateTime={issue.date}>
        {issue.date}
      </time>
      {issue.issueNumber && <span className="issue-number">{issue.issueNumber}</span>}
      <span className="issue-copy" title={opened.dir}>
        {issue.sample ? t('issue.copyNote', { path: opened.dir }) : t('issue.folder', { path: opened.dir })}
      </span>
    </div>
  );
}
