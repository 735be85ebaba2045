import { useCallback } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { editorText, type EditorMessageKey } from './messages';

/** The editor's strings in the app's current language. */
export function useEditorText(): (key: EditorMessageKey, vars?: Record<string, string | number>) => string {
  const { locale } = useI18n();
  return useCallback((key, vars) => editorText(locale, key, vars), [locale]);
}
