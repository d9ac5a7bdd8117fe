import { useEffect, useState } from 'react';
import type { Service } from '../../../../shared/domain/service';
import { api } from '../../api';

let loaded: Promise<ReadonlyMap<string, Service>> | null = null;

/** The catalog's services by code, read once: tickets carry only the code, the clerk reads the name. */
function loadServices(): Promise<ReadonlyMap<string, Service>> {
  loaded ??= api.call('catalog.search', { q: '' }).then((result) => {
    if (!result.ok) {
      // Not remembered: the next panel opening asks again.
      loaded = null;
      return new Map();
    }
    return new Map(result.value.map((service) => [service.code, service]));
  });
  return loaded;
}

export function useServices(): ReadonlyMap<string, Service> {
  const [services, setServices] = useState<ReadonlyMap<string, Service>>(new Map());
  useEffect(() => {
    let alive = true;
    void loadServices().then((map) => {
      if (alive) setServices(map);
    });
    return () => {
      alive = false;
    };
  }, []);
  return services;
}

export async function serviceByCode(code: string): Promise<Service | null> {
  return (await loadServices()).get(code) ?? null;
}
