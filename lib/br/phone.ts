/** (11) 98765-4321 or (11) 3456-7890; other shapes are shown as stored. */
export function formatBrazilianPhone(areaCode: string, number: string): string {
  const n = number.replace(/\D/g, '');
  const body = n.length === 9 ? `${n.slice(0, 5)}-${n.slice(5)}` : n.length === 8 ? `${n.slice(0, 4)}-${n.slice(4)}` : number;
  return `(${areaCode}) ${body}`;
}
