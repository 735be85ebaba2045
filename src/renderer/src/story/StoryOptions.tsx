import { STORY_KINDS, STORY_STATUSES } from '../../../core/model';
import { useI18n } from '../i18n/I18nProvider';

/** The story kinds (体裁) as `<option>`s, in the model's order, named in the UI language. */
export function KindOptions() {
  const { t } = useI18n();
  return STORY_KINDS.map((k) => (
    <option key={k} value={k}>
      {t(`kind.${k}`)}
    </option>
  ));
}

/** The story statuses (草稿 → 已签发) as `<option>`s, in flow order. */
export function StatusOptions() {
  const { t } = useI18n();
  return STORY_STATUSES.map((s) => (
    <option key={s} value={s}>
      {t(`status.${s}`)}
    </option>
  ));
}
