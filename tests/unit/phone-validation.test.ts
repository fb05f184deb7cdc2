import { describe, expect, it } from 'vitest';
import { brazilianPhoneProblems, checkBrazilianPhone, checkForeignPhone } from '@/lib/br/phone';
import { cleanName, CreateContactSchema } from '@/lib/contacts/schema';

describe('checkBrazilianPhone', () => {
  it('accepts a 9-digit mobile starting with 9 and returns digits', () => {
    expect(checkBrazilianPhone('11', '987654321')).toEqual({ ok: true, areaCode: '11', number: '987654321' });
    expect(checkBrazilianPhone('99', '900000000')).toEqual({ ok: true, areaCode: '99', number: '900000000' });
  });

  it('accepts an 8-digit landline starting with 2 to 5', () => {
    for (const first of ['2', '3', '4', '5']) {
      expect(checkBrazilianPhone('48', `${first}2345678`)).toEqual({ ok: true, areaCode: '48', number: `${first}2345678` });
    }
  });

  it('strips the separators people type', () => {
    expect(checkBrazilianPhone('21', '98765-4321')).toEqual({ ok: true, areaCode: '21', number: '987654321' });
    expect(checkBrazilianPhone('21', '9 8765 4321')).toEqual({ ok: true, areaCode: '21', number: '987654321' });
    expect(checkBrazilianPhone('21', ' 3456.7890 ')).toEqual({ ok: true, areaCode: '21', number: '34567890' });
  });

  it('normalises the area code', () => {
    expect(checkBrazilianPhone('(011)', '987654321')).toEqual({ ok: true, areaCode: '11', number: '987654321' });
    expect(checkBrazilianPhone(' 61 ', '32345678')).toEqual({ ok: true, areaCode: '61', number: '32345678' });
  });

  it('requires an area code', () => {
    expect(checkBrazilianPhone('', '987654321')).toEqual({ ok: false, field: 'areaCode', problem: 'areaCodeRequired' });
    expect(checkBrazilianPhone('  ', '987654321')).toEqual({ ok: false, field: 'areaCode', problem: 'areaCodeRequired' });
  });

  it('rejects an area code that is not one of the 67', () => {
    for (const ddd of ['10', '20', '23', '1', '100', 'ab', '(1)']) {
      expect(checkBrazilianPhone(ddd, '987654321')).toEqual({ ok: false, field: 'areaCode', problem: 'areaCodeInvalid' });
    }
  });

  it('reports the area code before the number', () => {
    expect(checkBrazilianPhone('20', '')).toEqual({ ok: false, field: 'areaCode', problem: 'areaCodeInvalid' });
    expect(checkBrazilianPhone('', '')).toEqual({ ok: false, field: 'areaCode', problem: 'areaCodeRequired' });
  });

  it('requires a number', () => {
    expect(checkBrazilianPhone('11', '')).toEqual({ ok: false, field: 'phone', problem: 'required' });
    expect(checkBrazilianPhone('11', '   ')).toEqual({ ok: false, field: 'phone', problem: 'required' });
  });

  it('rejects a 9-digit number that does not start with 9', () => {
    for (const n of ['887654321', '187654321', '087654321', '387654321']) {
      expect(checkBrazilianPhone('11', n)).toEqual({ ok: false, field: 'phone', problem: 'mobileMustStartWith9' });
    }
  });

  it('rejects an 8-digit number that does not start with 2 to 5', () => {
    for (const n of ['02345678', '12345678', '62345678', '72345678', '82345678', '92345678']) {
      expect(checkBrazilianPhone('11', n)).toEqual({ ok: false, field: 'phone', problem: 'landlineMustStartWith2to5' });
    }
  });

  it('rejects every other length', () => {
    for (const n of ['9', '9876543', '9876543210', '11987654321', '(11) 98765-4321', '+55 11 98765-4321']) {
      expect(checkBrazilianPhone('11', n)).toEqual({ ok: false, field: 'phone', problem: 'wrongLength' });
    }
  });

  it('rejects letters instead of silently dropping them', () => {
    expect(checkBrazilianPhone('11', '98765-432l')).toEqual({ ok: false, field: 'phone', problem: 'invalid' });
    expect(checkBrazilianPhone('11', 'abc')).toEqual({ ok: false, field: 'phone', problem: 'invalid' });
    expect(checkBrazilianPhone('11', '--')).toEqual({ ok: false, field: 'phone', problem: 'invalid' });
  });
});

describe('checkForeignPhone', () => {
  // Every valid example below was checked against libphonenumber-js 1.13 ('max' metadata).
  it('accepts a US number split into area code and number', () => {
    expect(checkForeignPhone('US', '202', '4561111')).toEqual({ ok: true, areaCode: '202', number: '4561111', e164: '+12024561111' });
    expect(checkForeignPhone('US', '(202)', '456-1111')).toEqual({ ok: true, areaCode: '202', number: '4561111', e164: '+12024561111' });
  });

  it('accepts countries without an area code', () => {
    expect(checkForeignPhone('PT', '', '912345678')).toEqual({ ok: true, areaCode: '', number: '912345678', e164: '+351912345678' });
    expect(checkForeignPhone('PT', '', '213456789')).toMatchObject({ ok: true, e164: '+351213456789' });
    expect(checkForeignPhone('ES', '', '612 34 56 78')).toMatchObject({ ok: true, e164: '+34612345678' });
  });

  it('accepts the same number with the area code split off', () => {
    expect(checkForeignPhone('PT', '21', '3456789')).toMatchObject({ ok: true, e164: '+351213456789' });
  });

  it('accepts Argentine landlines and mobiles', () => {
    expect(checkForeignPhone('AR', '11', '41234567')).toMatchObject({ ok: true, e164: '+541141234567' });
    expect(checkForeignPhone('AR', '351', '4123456')).toMatchObject({ ok: true, e164: '+543514123456' });
    // The mobile "9" goes before the area code in international form.
    expect(checkForeignPhone('AR', '911', '12345678')).toMatchObject({ ok: true, e164: '+5491112345678' });
    // Dialled nationally as area code + 15 + number.
    expect(checkForeignPhone('AR', '11', '15 1234-5678')).toMatchObject({ ok: true, e164: '+5491112345678' });
  });

  it('accepts German numbers with or without the trunk prefix 0', () => {
    expect(checkForeignPhone('DE', '30', '12345678')).toEqual({ ok: true, areaCode: '30', number: '12345678', e164: '+493012345678' });
    expect(checkForeignPhone('DE', '030', '12345678')).toMatchObject({ ok: true, e164: '+493012345678' });
    expect(checkForeignPhone('DE', '0151', '12345678')).toMatchObject({ ok: true, e164: '+4915112345678' });
  });

  it('accepts a lower-case country code', () => {
    expect(checkForeignPhone(' gb ', '', '07400 123456')).toMatchObject({ ok: true, e164: '+447400123456' });
  });

  it('requires a number', () => {
    expect(checkForeignPhone('US', '202', '')).toEqual({ ok: false, field: 'phone', problem: 'required' });
    expect(checkForeignPhone('PT', '', ' ')).toEqual({ ok: false, field: 'phone', problem: 'required' });
  });

  it('rejects numbers that are not valid for the country', () => {
    const invalid = { ok: false, field: 'phone', problem: 'invalid' };
    expect(checkForeignPhone('US', '202', '456111')).toEqual(invalid); // one digit short
    expect(checkForeignPhone('US', '202', '1561111')).toEqual(invalid); // exchange cannot start with 1
    expect(checkForeignPhone('US', '999', '4561111')).toEqual(invalid); // no such area code
    expect(checkForeignPhone('PT', '', '812345678')).toEqual(invalid); // no such range
    expect(checkForeignPhone('PT', '', '91234567')).toEqual(invalid); // one digit short
    expect(checkForeignPhone('DE', '30', '1')).toEqual(invalid);
    expect(checkForeignPhone('PT', '', 'abc')).toEqual(invalid);
    expect(checkForeignPhone('PT', '', '+')).toEqual(invalid);
  });

  it('rejects a number that is valid elsewhere but not in the chosen country', () => {
    const invalid = { ok: false, field: 'phone', problem: 'invalid' };
    expect(checkForeignPhone('PT', '', '2024561111')).toEqual(invalid); // a US number
    expect(checkForeignPhone('US', '', '912345678')).toEqual(invalid); // a PT number
  });

  it('does not let digits dial out of the chosen country', () => {
    const invalid = { ok: false, field: 'phone', problem: 'invalid' };
    // The library parses these as a US and a UK number through the international prefix.
    expect(checkForeignPhone('PT', '00', '1 202 456 1111')).toEqual(invalid);
    expect(checkForeignPhone('US', '011', '44 7400 123456')).toEqual(invalid);
    // '+' is stripped with the other non-digits, so it cannot switch the country either.
    expect(checkForeignPhone('US', '', '+44 7400 123456')).toEqual(invalid);
  });

  it('rejects a number of another region sharing the calling code', () => {
    const invalid = { ok: false, field: 'phone', problem: 'invalid' };
    expect(checkForeignPhone('CA', '416', '5550123')).toMatchObject({ ok: true, e164: '+14165550123' });
    expect(checkForeignPhone('US', '416', '5550123')).toEqual(invalid); // Toronto
    expect(checkForeignPhone('KZ', '', '7012345678')).toMatchObject({ ok: true, e164: '+77012345678' });
    expect(checkForeignPhone('RU', '', '7012345678')).toEqual(invalid); // Kazakh mobile
  });

  it('rejects an area code with letters on the area code field', () => {
    expect(checkForeignPhone('US', '2O2', '4561111')).toEqual({ ok: false, field: 'areaCode', problem: 'areaCodeInvalid' });
  });

  it('rejects unknown country codes', () => {
    const invalid = { ok: false, field: 'phone', problem: 'invalid' };
    expect(checkForeignPhone('XX', '202', '4561111')).toEqual(invalid);
    expect(checkForeignPhone('', '202', '4561111')).toEqual(invalid);
    expect(checkForeignPhone('USA', '202', '4561111')).toEqual(invalid);
  });

  it('applies the Brazilian rules to Brazil', () => {
    expect(checkForeignPhone('BR', '011', '98765-4321')).toEqual({ ok: true, areaCode: '11', number: '987654321', e164: '+5511987654321' });
    expect(checkForeignPhone('BR', '20', '987654321')).toEqual({ ok: false, field: 'areaCode', problem: 'areaCodeInvalid' });
    expect(checkForeignPhone('BR', '11', '87654321')).toEqual({ ok: false, field: 'phone', problem: 'landlineMustStartWith2to5' });
  });
});

describe('brazilianPhoneProblems', () => {
  it("reports the area code's problem and the number's together", () => {
    expect(brazilianPhoneProblems('20', '')).toEqual([
      { ok: false, field: 'areaCode', problem: 'areaCodeInvalid' },
      { ok: false, field: 'phone', problem: 'required' },
    ]);
    expect(brazilianPhoneProblems('', '12345')).toEqual([
      { ok: false, field: 'areaCode', problem: 'areaCodeRequired' },
      { ok: false, field: 'phone', problem: 'wrongLength' },
    ]);
    expect(brazilianPhoneProblems('11', '987654321')).toEqual([]);
  });
});

describe('"Adicionar usuário" (CreateContactSchema)', () => {
  const valid = {
    country: 'BR',
    name: 'Ana Souza',
    document: '529.982.247-25',
    areaCode: '11',
    phone: '987654321',
    email: 'ana@exemplo.com.br',
    emailConfirmation: 'ana@exemplo.com.br',
  };
  const errors = (input: Record<string, unknown>) => {
    const r = CreateContactSchema.safeParse(input);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}:${i.message}`);
  };

  it('reports a wrong DDD and an empty phone in the same submit', () => {
    expect(errors({ ...valid, areaCode: '20', phone: '' })).toEqual(['areaCode:phone_areaCodeInvalid', 'phone:phone_required']);
  });

  it('takes "Autorizado para utilizar consultoria?" as optional, "Não" when unanswered', () => {
    const parsed = CreateContactSchema.parse(valid);
    expect(parsed.consultancy).toBe('no');
    expect(CreateContactSchema.parse({ ...valid, consultancy: 'yes' }).consultancy).toBe('yes');
    expect(errors({ ...valid, consultancy: 'talvez' })).toEqual(['consultancy:consultancyRequired']);
  });
});

describe('cleanName', () => {
  it('removes invisible, control and direction characters, and collapses spaces', () => {
    expect(cleanName('  Marina\u00a0\u00a0Albuquerque\u200b ')).toBe('Marina Albuquerque');
    expect(cleanName('\u202eAna\u0007 Souza\u2066')).toBe('Ana Souza');
    expect(cleanName('Ana\u200e\u200f Souza\u0000\u009f')).toBe('Ana Souza');
    expect(cleanName('José\tda\nSilva')).toBe('José da Silva');
    expect(cleanName('Conceição Araújo')).toBe('Conceição Araújo');
  });
});
