import { getTranslations } from 'next-intl/server';
import type { BulkSummary, RowOutcome } from '@/lib/contacts/lifecycle';

/** After an action over many contacts: "12 alterados, 1 não alterado: é o administrador", and each contact's result. */
export async function BulkSummaryPanel({ summary }: { summary: BulkSummary }) {
  const t = await getTranslations('bulk');
  const refused = new Map<RowOutcome, number>();
  for (const line of summary.lines) if (line.outcome !== 'changed') refused.set(line.outcome, (refused.get(line.outcome) ?? 0) + 1);
  const parts = [
    t('changed', { count: summary.changed }),
    ...[...refused].map(([outcome, count]) => t('notChanged', { count, reason: t(`outcome_${outcome}`) })),
  ];
  return (
    <section className={`summary${refused.size ? ' summary--partial' : ''}`} aria-labelledby="bulk-summary-title" role="status">
      <h2 id="bulk-summary-title" className="summary__title">
        {t('summaryTitle', { action: t(`title_${summary.kind}`) })}
      </h2>
      <p className="summary__counts">{parts.join(', ')}</p>
      <details className="summary__details" open={refused.size > 0 && summary.lines.length <= 20}>
        <summary>{t('details')}</summary>
        <ul className="summary__lines">
          {summary.lines.map((line) => (
            <li key={line.id} className={line.outcome === 'changed' ? '' : 'summary__line--refused'}>
              <strong>{line.name ?? t('unknown')}</strong> — {t(`outcome_${line.outcome}`)}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
