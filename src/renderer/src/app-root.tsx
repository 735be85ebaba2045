import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { launchIssuePending } from './boot/early';
import { I18nProvider } from './i18n/I18nProvider';
import { layOutAhead } from './layout/layout-ahead';

// The launch issue's fonts are fetched the moment it arrives, whether or not React has drawn the app by then.
void launchIssuePending()?.then((r) => r.ok && layOutAhead(r.value.issue, r.value.stories), () => {});

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(
  <StrictMode>
    <I18nProvider>
      <App />
    </I18nProvider>
  </StrictMode>,
);
