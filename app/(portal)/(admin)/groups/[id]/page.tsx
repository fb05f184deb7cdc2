import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from '@/lib/i18n/server';
import { AddEmailForm, AddMembersForm } from '@/components/groups/group-members';
import { GroupForm } from '@/components/groups/group-form';
import { NotFoundContent } from '@/components/layout/access-pages';
import { Flash } from '@/components/ui/flash';
import { InlineActionForm } from '@/components/ui/inline-action-form';
import { SearchBox } from '@/components/ui/search-box';
import { WithoutScript } from '@/components/ui/without-script';
import { requireAdmin } from '@/lib/auth/session';
import { parseQuery, type SearchParams } from '@/lib/forms/query';
import { GroupPageQuery, groupFormEcho } from '@/lib/groups/schema';
import { removeGroupEmailAction, removeGroupMemberAction } from '@/lib/groups/actions';
import { getGroup, listGroupEmails, listGroupMembers, MEMBER_CANDIDATES_SHOWN, memberCandidates, responsibleOptions } from '@/lib/groups/queries';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('groups'))('editTitle') };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export default async function GroupPage({ params, searchParams }: Props) {
  const ctx = await requireAdmin();
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const group = await getGroup(ctx.companyId, id);
  if (!group) return <NotFoundContent />;
  const { q } = parseQuery(GroupPageQuery, sp);
  const echo = groupFormEcho(sp);
  const [t, tc, options, members, emails, found] = await Promise.all([
    getTranslations('groups'),
    getTranslations('contacts'),
    echo
      ? responsibleOptions(ctx.companyId, echo.values.responsibleId || null, echo.responsibleQ, { activeOnly: true })
      : responsibleOptions(ctx.companyId, group.responsibleId),
    listGroupMembers(ctx.companyId, group.id),
    listGroupEmails(ctx.companyId, group.id),
    memberCandidates(ctx.companyId, group.id, q),
  ]);
  return (
    <>
      <header className="page-header page-header--stacked">
        <p className="breadcrumb">
          <Link href="/groups">{t('title')}</Link> <span aria-hidden="true">›</span> <span>{group.name}</span>
        </p>
        <h1>{group.name}</h1>
      </header>
      <Flash notice={sp.notice} />
      <div className="panels">
        <section className="panel" aria-labelledby="group-edit">
          <h2 id="group-edit">{t('editTitle')}</h2>
          <GroupForm
            mode="edit"
            responsible={{ ...options, q: echo?.responsibleQ ?? '', searchPath: `/groups/${group.id}` }}
            initialValues={{
              id: group.id,
              version: String(group.version),
              name: group.name,
              responsibleId: group.responsibleId ?? '',
              type: group.type,
              inDisuse: group.inDisuse ? 'on' : '',
              restricted: group.restricted ? 'on' : '',
              mailbox: group.mailbox ?? '',
              ...echo?.values,
            }}
          />
        </section>
        <div>
          <section className="panel" aria-labelledby="group-members">
            <h2 id="group-members">{t('membersTitle')}</h2>
            {members.length === 0 ? (
              <p className="muted">{t('membersEmpty')}</p>
            ) : (
              <ul className="plain-list">
                {members.map((m) => (
                  <li key={m.id}>
                    <span>
                      {m.name} <span className="muted">· {m.email}</span>
                      {m.deactivated ? (
                        <>
                          {' '}
                          <span className="badge badge--off">{tc('deactivatedBadge')}</span>
                        </>
                      ) : null}
                    </span>
                    <InlineActionForm
                      action={removeGroupMemberAction}
                      hidden={{ groupId: group.id, contactId: m.id }}
                      label={t('removeMember')}
                      ariaLabel={t('removeMemberFrom', { name: m.name })}
                    />
                  </li>
                ))}
              </ul>
            )}
            <h3>{t('addMembers')}</h3>
            <WithoutScript>
              <SearchBox id="candidates-q" label={t('candidatesSearch')} submitLabel={t('searchSubmit')} defaultValue={q} compact />
              {found.length > MEMBER_CANDIDATES_SHOWN ? <p className="field__hint">{t('candidatesMore', { shown: MEMBER_CANDIDATES_SHOWN })}</p> : null}
            </WithoutScript>
            {/* A new key after each change of members: the picker starts empty again. */}
            <AddMembersForm key={members.length} groupId={group.id} candidates={found.slice(0, MEMBER_CANDIDATES_SHOWN)} />
          </section>
          <section className="panel panel--spaced" aria-labelledby="group-emails">
            <h2 id="group-emails">{t('emailsTitle')}</h2>
            <p className="muted">{t('emailsHint')}</p>
            {emails.length === 0 ? (
              <p className="muted">{t('emailsEmpty')}</p>
            ) : (
              <ul className="plain-list">
                {emails.map((e) => (
                  <li key={e.id}>
                    <span>{e.email}</span>
                    <InlineActionForm
                      action={removeGroupEmailAction}
                      hidden={{ groupId: group.id, emailId: e.id }}
                      label={t('removeEmail')}
                      ariaLabel={t('removeEmailFrom', { email: e.email })}
                    />
                  </li>
                ))}
              </ul>
            )}
            <AddEmailForm groupId={group.id} />
          </section>
        </div>
      </div>
    </>
  );
}
