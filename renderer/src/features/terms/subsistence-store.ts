import { create } from 'zustand';
import type { SubsistenceMinimum } from '../../../../shared/domain/fee-rule';
import { api } from '../../api';

/** The yearly subsistence-minimum table, fetched once a screen needs it: fees are computed here from it as registration does. */
export const useSubsistenceStore = create<{ table: readonly SubsistenceMinimum[] }>()(() => ({ table: [] }));

export async function loadSubsistence(): Promise<void> {
  const result = await api.call('catalog.subsistence', {});
  if (result.ok) useSubsistenceStore.setState({ table: result.value });
}
