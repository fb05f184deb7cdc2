import { getTranslations } from '@/lib/i18n/server';
import type { DecisionSummary } from '@/lib/requests/queries';

/** After "Aprovar selecionadas" / "Recusar selecionadas": the counts, and what happened to each request. */
export async function DecisionSummaryPanel({ summary }: { summary: DecisionSummary }) {
  const t = await getTranslations('requests');
  const ok = summary.decision === 'approve' ? t('summaryApproved', { count: summary.approved }) : t('summaryRejected', { count: summary.rejected });
  return (
    <section className={`summary${summary.refused ? ' summary--partial' : ''}`} aria-labelledby="decision-summary-title">
      <h2 id="decision-summary-title" className="summary__title">
        {t('summaryTitle')}
      </h2>
      <p className="summary__counts">
        {ok}
        {summary.refused ? ` · ${t('summaryRefused', { count: summary.refused })}` : ''}
      </p>
      <details className="summary__details" open={summary.refused > 0 && summary.lines.length <= 20}>
        <summary>{t('summaryDetails')}</summary>
        <ul className="summary__lines">
          {summary.lines.map((line) => (
            <li key={line.id} className={line.outcome === 'approved' || line.outcome === 'rejected' ? '' : 'summary__line--refused'}>
              <strong>{line.name ?? t('unknownRequest')}</strong>
              {line.email ? ` <${line.email}>` : ''} — {t(`outcome.${line.outcome}`)}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
