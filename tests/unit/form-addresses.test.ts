import { describe, expect, it } from 'vitest';
import { UpdateContactSchema, OwnProfileSchema } from '@/lib/contacts/schema';
import { UpdateGroupSchema, groupFormEcho } from '@/lib/groups/schema';
import { fieldErrorKeys } from '@/lib/forms/action-state';

// Findings of the attack on the daily screens (issue 16).

describe('the group form read back from its address (no-JavaScript responsible search)', () => {
  it('takes only the search and the person chosen: a crafted link fills nothing else', () => {
    const echo = groupFormEcho({
      responsibleQ: 'Cliente 9',
      responsibleId: '7d840dc8-e192-4b17-91fd-3670ba38bcc1',
      name: 'Atendimento Financeiro',
      mailbox: 'attacker@evil.test',
      restricted: '',
      inDisuse: 'on',
      version: '1',
    });
    expect(echo).toEqual({ responsibleQ: 'Cliente 9', values: { responsibleId: '7d840dc8-e192-4b17-91fd-3670ba38bcc1' } });
  });

  it('is nothing when the page was not reached through the search', () => {
    expect(groupFormEcho({ mailbox: 'attacker@evil.test' })).toBeNull();
  });
});

describe('a tampered version', () => {
  const contact = {
    country: 'BR',
    name: 'Ana',
    document: '529.982.247-25',
    areaCode: '11',
    phone: '987654321',
    email: 'ana@x.example',
    consultancy: 'no',
    id: '7d840dc8-e192-4b17-91fd-3670ba38bcc1',
  };
  it('is refused with a message of the catalogue, never a library message', () => {
    for (const version of ['abc', '0', '-5', '1e400', '99999999999999999999', '1.5']) {
      const results = [
        UpdateContactSchema.safeParse({ ...contact, version }),
        OwnProfileSchema.safeParse({ name: 'Ana', areaCode: '11', phone: '987654321', locale: 'pt-BR', version }),
        UpdateGroupSchema.safeParse({ id: contact.id, name: 'G', responsibleId: '', type: 'service', mailbox: '', version }),
      ];
      for (const r of results) {
        expect(r.success, version).toBe(false);
        expect(fieldErrorKeys(r.error!).version, version).toBe('versionInvalid');
      }
    }
  });
});
