import { useI18n } from '../i18n/I18nProvider';
import { copyfitMessage, type Copyfit } from './copyfit';

/** `超 3 行` / `欠 12 字` / `正好`, coloured by state. */
export function CopyfitLabel({ fit, testId }: { fit: Copyfit; testId?: string }) {
  const { t } = useI18n();
  const m = copyfitMessage(fit);
  return (
    <span className={`copyfit copyfit-${fit.state}`} data-testid={testId} data-copyfit={fit.state}>
      {t(m.key, { n: m.n })}
    </span>
  );
}
