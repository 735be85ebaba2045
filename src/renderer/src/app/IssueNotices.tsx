import { type DeskIssue } from '../../../preload/api';
import { useI18n } from '../i18n/I18nProvider';

/** What the store could not read or noticed on opening: each with its file, so the desk can act on it. */
export function IssueNotices({ opened }: { opened: DeskIssue }) {
  const { t } = useI18n();
  const { problems, findings, readOnlyReason } = opened;
  if (problems.length === 0 && findings.length === 0 && readOnlyReason === null) return null;
  return (
    <section className="issue-notices" aria-label={t('issue.notices')}>
      {readOnlyReason !== null && <p className="notice notice-readonly">{t('issue.readOnly', { reason: readOnlyReason })}</p>}
      {problems.length > 0 && (
        <div role="alert">
          <strong>{t('issue.problems', { n: problems.length })}</strong>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>
                <code>{p.file}</code> {p.message}
              </li>
            ))}
          </ul>
        </div>
      )}
      {findings.length > 0 && (
        <ul className="notice-findings">
          {findings.map((f, i) => (
            <li key={i}>
              <code>{f.file}</code> {f.message}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
