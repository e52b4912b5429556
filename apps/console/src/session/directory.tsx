import { createContext, type ReactNode, useContext, useMemo } from 'react';
import type { TaxonomyItem, Unit } from '../api/types';
import { useApi } from '../ui/use-api';
import { humanize } from '../vocabulary';

interface Directory {
  units: Unit[];
  taxonomy: TaxonomyItem[];
  unitName(id: string | null | undefined): string;
  categoryLabel(code: string | null | undefined): string;
  reload(): void;
}

const DirectoryContext = createContext<Directory | null>(null);

/** Units and the taxonomy, loaded once per sign-in: nearly every page names them. */
export function DirectoryProvider({ children }: { children: ReactNode }) {
  const units = useApi<{ items: Unit[] }>('/api/units');
  const taxonomy = useApi<{ items: TaxonomyItem[] }>('/api/taxonomy');
  const value = useMemo<Directory>(() => {
    const unitList = units.data?.items ?? [];
    const taxonomyList = taxonomy.data?.items ?? [];
    const names = new Map(unitList.map((u) => [u.id, u.name]));
    const labels = new Map(taxonomyList.map((t) => [t.code, t.label]));
    return {
      units: unitList,
      taxonomy: taxonomyList,
      unitName: (id) => (id ? names.get(id) ?? id : '—'),
      categoryLabel: (code) => (code ? labels.get(code) ?? humanize(code) : '—'),
      reload: () => {
        void units.reload();
        void taxonomy.reload();
      },
    };
  }, [units.data, taxonomy.data, units.reload, taxonomy.reload]);
  return <DirectoryContext.Provider value={value}>{children}</DirectoryContext.Provider>;
}

export function useDirectory(): Directory {
  const value = useContext(DirectoryContext);
  if (!value) throw new Error('useDirectory outside DirectoryProvider');
  return value;
}

/** `<option>`s for every unit, by name. */
export function UnitOptions() {
  const { units } = useDirectory();
  return (
    <>
      {[...units].sort((a, b) => a.name.localeCompare(b.name)).map((u) => (
        <option key={u.id} value={u.id}>
          {u.name} ({u.id})
        </option>
      ))}
    </>
  );
}

export function CategoryOptions() {
  const { taxonomy } = useDirectory();
  return (
    <>
      {taxonomy.map((t) => (
        <option key={t.code} value={t.code}>
          {t.label}
        </option>
      ))}
    </>
  );
}
