import { useCallback, useEffect, useRef, useState } from 'react';
import { type DeskSession } from '../../../preload/api';
import { useI18n } from '../i18n/I18nProvider';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { layOutAhead } from '../layout/layout-ahead';
import { yeban } from '../ipc/api';
import { IssueHeader } from './IssueHeader';
import { Desk } from './Desk';
import { NewIssueForm } from './NewIssueForm';
import { openAtLaunch, openIssueAt, type OpenOutcome } from './open-issue';
import { useShellLocale } from './useShellLocale';

const failure = (err: unknown): OpenOutcome => ({ state: 'failed', message: err instanceof Error ? err.message : String(err) });

export function App() {
  const { t } = useI18n();
  useShellLocale();
  const [opened, setOpened] = useState<DeskSession | null>(null);
  const [loading, setLoading] = useState(true);
  // A failed open leaves the issue already on the desk in place, with the reason above it.
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const sessionRef = useRef<string | null>(null);
  const live = useRef(true);

  const show = useCallback((next: OpenOutcome) => {
    if (!live.current) return;
    setLoading(false);
    if (next.state === 'failed') {
      setError(next.message);
      return;
    }
    const previous = sessionRef.current;
    sessionRef.current = next.opened.sessionId;
    // The issue it replaces is closed: its drafts are journaled and its locks released.
    if (previous && previous !== next.opened.sessionId) void yeban().invoke('issue:close', { sessionId: previous });
    setError(null);
    // Launch → first page, step by step, for `npm run bench` and the DevTools timeline (desk-timing.ts).
    if (performance.getEntriesByName('yeban:issue:opened').length === 0) performance.mark('yeban:issue:opened');
    layOutAhead(next.opened.issue, next.opened.stories);
    setOpened(next.opened);
  }, []);

  useEffect(() => {
    live.current = true;
    let unsubscribe = () => {};
    try {
      const api = yeban();
      void openAtLaunch(api).then(show, (err: unknown) => show(failure(err)));
      // A second launch that names an issue hands it to this window; 文件 → 新建 asks for a new one.
      unsubscribe = api.onHostEvent((event) => {
        if (event.type === 'menu-command' && event.command === 'new-issue') setCreating(true);
        if (event.type !== 'open-issue') return;
        setLoading(true);
        void openIssueAt(api, event.path).then(show, (err: unknown) => show(failure(err)));
      });
    } catch (err) {
      show(failure(err));
    }
    return () => {
      live.current = false;
      unsubscribe();
    };
  }, [show]);

  return (
    <div className="app">
      <header className="app-bar">
        <h1 className="app-title">{t('app.title')}</h1>
        {opened && <IssueHeader opened={opened} />}
        <LanguageSwitch />
        <button type="button" className="app-new-issue" onClick={() => setCreating(true)}>
          {t('newIssue.open')}
        </button>
      </header>
      <main className="app-main">
        {loading && <p className="app-status">{t('app.loading')}</p>}
        {error !== null && (
          <div className="app-error" role="alert">
            <strong>{t('app.openFailed')}</strong>
            <p>{error}</p>
            {!opened && (
              <button type="button" onClick={() => setCreating(true)}>
                {t('newIssue.open')}
              </button>
            )}
          </div>
        )}
        {opened && <Desk key={opened.sessionId} opened={opened} onSession={setOpened} />}
      </main>
      {creating && (
        <NewIssueForm
          onCancel={() => setCreating(false)}
          onCreated={(session) => {
            setCreating(false);
            show({ state: 'open', opened: session });
          }}
        />
      )}
    </div>
  );
}
