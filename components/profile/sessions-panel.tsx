import { getFormatter, getTranslations } from '@/lib/i18n/server';
import { endOtherSessionsAction, endSessionAction } from '@/lib/auth/actions';
import { describeUserAgent } from '@/lib/auth/client-address';
import type { SessionRow } from '@/lib/auth/sessions';

/** "Sessões ativas" on "Meu perfil": where the person is signed in, and a way to end it. */
export async function SessionsPanel({ sessions, currentId }: { sessions: SessionRow[]; currentId: string }) {
  const [t, format] = await Promise.all([getTranslations('sessions'), getFormatter()]);
  const when = (d: Date) => format.dateTime(d, { dateStyle: 'short', timeStyle: 'short' });
  const label = (s: SessionRow) => {
    const { browser, system } = describeUserAgent(s.userAgent);
    if (browser && system) return t('browserOn', { browser, system });
    return browser || system || t('unknownBrowser');
  };
  const others = sessions.filter((s) => s.id !== currentId).length;
  return (
    <section className="panel panel--wide" id="sessions" aria-labelledby="profile-sessions">
      <h2 id="profile-sessions">{t('title')}</h2>
      <p className="muted">{t('intro')}</p>
      <ul className="session-list">
        {sessions.map((s) => {
          const name = label(s);
          const current = s.id === currentId;
          return (
            <li key={s.id} className="session">
              <div className="session__head">
                <strong>{name}</strong>
                {current ? <span className="badge badge--admin">{t('thisSession')}</span> : null}
              </div>
              <dl className="message__meta">
                <div>
                  <dt>{t('ip')}</dt>
                  <dd>{s.ip ?? t('unknownIp')}</dd>
                </div>
                <div>
                  <dt>{t('started')}</dt>
                  <dd>{when(s.createdAt)}</dd>
                </div>
                <div>
                  <dt>{t('lastUsed')}</dt>
                  <dd>{when(s.lastUsedAt)}</dd>
                </div>
              </dl>
              {current ? null : (
                <form action={endSessionAction} className="inline-form">
                  <input type="hidden" name="sessionId" value={s.id} />
                  <button type="submit" className="btn btn--secondary btn--small" aria-label={t('endOne', { name, started: when(s.createdAt) })}>
                    {t('end')}
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
      {others > 0 ? (
        <form action={endOtherSessionsAction} className="form__actions">
          <button type="submit" className="btn btn--danger">
            {t('endOthers')}
          </button>
        </form>
      ) : (
        <p className="muted">{t('onlyThis')}</p>
      )}
    </section>
  );
}
