// The addresses the list's benchmarks ask for: bench/list.ts (the load) and
// bench/list-parts.ts (what each part of the mix costs, by process).

/**
 * The list's mix, and its parts (BENCH_MIX): "pages" (name order), "views" (Desativados,
 * Removidos, a search in Desativados), "review" (Revisão de acessos), "sorted" (by e-mail or
 * document), "search".
 */
const MIX_RANGE = { all: [0, 1], pages: [0, 0.35], views: [0.35, 0.45], review: [0.45, 0.5], sorted: [0.5, 0.6], search: [0.6, 1] } as const;
export type MixPart = keyof typeof MIX_RANGE;
export const MIX_PARTS = Object.keys(MIX_RANGE) as MixPart[];
export const isMixPart = (value: string): value is MixPart => value in MIX_RANGE;

const pickFrom = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)]!;

/** The list's mix (or one part of it) for a company of `inCompany` contacts, `lifecycleEach` of them deactivated and as many removed. */
export function listPathFor(part: MixPart, inCompany: number, lifecycleEach: number): () => string {
  const [low, high] = MIX_RANGE[part];
  const pages = Math.ceil((inCompany - 2 * lifecycleEach) / 25);
  return () => {
    const r = low + Math.random() * (high - low);
    if (r < 0.35) return `/contacts?page=${1 + Math.floor(Math.random() * pages)}`;
    // The lifecycle views and the access review (issue 13).
    if (r < 0.42) {
      const view = Math.random() < 0.5 ? 'deactivated' : 'removed';
      return `/contacts?status=${view}&page=${1 + Math.floor(Math.random() * Math.ceil(lifecycleEach / 25))}`;
    }
    if (r < 0.45) return `/contacts?status=deactivated&q=${encodeURIComponent(Math.random() < 0.5 ? 'silva' : 'maria')}`;
    if (r < 0.5) {
      const days = pickFrom(['30', '60', '90', '180']);
      const show = pickFrom(['all', 'never', 'inactive']);
      return `/contacts/review?days=${days}&show=${show}&page=${1 + Math.floor(Math.random() * 20)}`;
    }
    if (r < 0.6) {
      const sort = Math.random() < 0.5 ? 'email' : 'document';
      return `/contacts?sort=${sort}&dir=${Math.random() < 0.5 ? 'asc' : 'desc'}&page=${1 + Math.floor(Math.random() * pages)}`;
    }
    const terms = [
      'silva',
      'joão',
      'maria santos',
      'conceição',
      'GONÇALVES',
      'falcao',
      'ana.',
      '529.982',
      '000123',
      'bench0.example',
      'otavio brandao',
      String(Math.floor(Math.random() * 90000) + 10000),
    ];
    return `/contacts?q=${encodeURIComponent(pickFrom(terms))}${Math.random() < 0.3 ? '&page=2' : ''}`;
  };
}

// The filtered mix (issue 16): two filters with a search, and two filters alone on a random
// page of their exact count (the costlier case: no search narrows the rows first).
const FILTER_PAIRS = [
  'role=user&perm=self_service',
  'consultancy=yes&invitation=pending',
  'invitation=accepted&perm=it_admin',
  'perm=self_service&perm=bpo_full_access',
  'consultancy=no&invitation=accepted',
  'role=user&invitation=pending',
];
const FILTER_TERMS = ['silva', 'maria', 'conceição', 'santos', 'ana.', '529.982', 'bench0.example'];
/** The goal's mix (issue 16): two filters and a search. */
export function filteredPath(): string {
  return `/contacts?${pickFrom(FILTER_PAIRS)}&q=${encodeURIComponent(pickFrom(FILTER_TERMS))}${Math.random() < 0.2 ? '&page=2' : ''}`;
}
/** Two filters alone, on a random page of the first 40: the whole company is read to count them (up to 10,000). */
export function filtersOnlyPath(): string {
  return `/contacts?${pickFrom(FILTER_PAIRS)}&page=${1 + Math.floor(Math.random() * 40)}`;
}

// The pickers' type-ahead (issue 16): what an administrator types, a letter at a time.
const PICKER_TERMS = ['m', 'ma', 'mar', 'mari', 'maria', 'maria s', 'silva', 'conce', 'joão p', 'gon', 'ana.', '529.9', 'otavio b'];
export function pickerPath(): string {
  const q = Math.random() < 0.15 ? String(Math.floor(Math.random() * 90000) + 10000) : pickFrom(PICKER_TERMS);
  return `/contacts/picker?q=${encodeURIComponent(q)}`;
}
