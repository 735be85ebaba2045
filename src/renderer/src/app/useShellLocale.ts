import { useEffect } from 'react';
import { type YebanApi } from '../../../preload/api';
import { useI18n } from '../i18n/I18nProvider';
import { isLocale } from '../i18n/messages';
import { yeban } from '../ipc/api';

/** The shell's API, or null without one (App shows why): the language still switches in the window. */
function shell(): YebanApi | null {
  try {
    return yeban();
  } catch {
    return null;
  }
}

/**
 * Keeps the window's UI language and the native menu's in step: the language the user chose (kept by the
 * window) is reported to the shell at start and on every switch, and 视图 → 语言 in the menu switches the window.
 */
export function useShellLocale(): void {
  const { locale, setLocale } = useI18n();
  useEffect(() => {
    void shell()?.invoke('app:setLocale', { locale });
  }, [locale]);
  useEffect(
    () =>
      shell()?.onHostEvent((event) => {
        if (event.type === 'set-locale' && isLocale(event.locale)) setLocale(event.locale);
      }),
    [setLocale],
  );
}
