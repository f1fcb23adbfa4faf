import { useI18n } from '../i18n/i18n';
import { Link } from '../ui/router';

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <section className="not-found">
      <h1>{t('notFoundTitle')}</h1>
      <p>{t('notFoundText')}</p>
      <Link href="/families">{t('backToFamilies')}</Link>
    </section>
  );
}
