import { formatCpf } from '@/lib/br/cpf';
import { formatBrazilianPhone } from '@/lib/br/phone';

export function formatDocument(country: string, document: string | null): string | null {
  if (!document) return null;
  return country === 'BR' ? formatCpf(document) : document;
}

export function formatPhone(country: string, areaCode: string | null, phone: string | null): string | null {
  if (!phone) return null;
  if (country === 'BR' && areaCode) return formatBrazilianPhone(areaCode, phone);
  return [areaCode, phone].filter(Boolean).join(' ');
}
