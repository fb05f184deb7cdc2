import { getTranslations } from '@/lib/i18n/server';
import type { BulkSummary, RowOutcome } from '@/lib/contacts/lifecycle';

/** After an action over many contacts: "12 alterados, 1 não alterado: é o administrador", and each contact's result. */
// Outcomes that leave a contact as it should be anyway: not a refusal.
const SETTLED: ReadonlySet<RowOutcome> = new Set(['changed', 'unchanged', 'alreadyDeactivated', 'alreadyMember']);

export async function BulkSummaryPanel({ summary }: { summary: BulkSummary }) {
  const t = await getTranslations('bulk');
  const refused = new Map<RowOutcome, number>();
  for (const line of summary.lines) if (line.outcome !== 'changed') refused.set(line.outcome, (refused.get(line.outcome) ?? 0) + 1);
  const parts = [
    t('changed', { count: summary.changed }),
    ...[...refused].map(([outcome, count]) => t('notChanged', { count, reason: t(`outcome_${outcome}`) })),
  ];
  const problems = summary.lines.some((l) => !SETTLED.has(l.outcome));
  return (
    <section className={`summary${problems ? ' summary--partial' : ''}`} aria-labelledby="bulk-summary-title">
      <h2 id="bulk-summary-title" className="summary__title">
        {t('summaryTitle', { action: t(`title_${summary.kind}`) })}
      </h2>
      <p className="summary__counts" role="status">
        {parts.join(', ')}
      </p>
      <details className="summary__details" open={problems && summary.lines.length <= 20}>
        <summary>{t('details')}</summary>
        <ul className="summary__lines">
          {summary.lines.map((line) => (
            <li key={line.id} className={SETTLED.has(line.outcome) ? '' : 'summary__line--refused'}>
              <strong>{line.name ?? t('unknown')}</strong> — {t(`outcome_${line.outcome}`)}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
}
