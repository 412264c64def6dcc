/**
 * Staff are shown by name, not by their directory id: the directory (GET /api/v1/staff, read by
 * every role that reads documents) is asked once per signed-in session and kept in memory.
 */
import { useEffect, useState } from 'preact/hooks';
import { get } from './api/client';
import { session } from './session';

let names: Promise<Map<string, string>> | null = null;
let forToken: string | null = null;

function load(): Promise<Map<string, string>> {
  if (!names || forToken !== session.token()) {
    forToken = session.token();
    names = session.can('staff:read')
      ? get('/api/v1/staff').then((d) => new Map(d.staff.map((s) => [s.id, s.fullName])), () => new Map())
      : Promise.resolve(new Map());
  }
  return names;
}

/** `name(id)`: the person's full name from the directory, else the id as it is. */
export function useStaffNames(): (id: string | null | undefined) => string {
  const [map, setMap] = useState<Map<string, string> | null>(null);
  useEffect(() => {
    let live = true;
    void load().then((m) => live && setMap(m));
    return () => {
      live = false;
    };
  }, []);
  return (id) => (id ? map?.get(id) ?? id : '');
}

/** Everyone in the directory, by name: for a field that offers a person to choose. */
export function useStaffList(): Array<{ id: string; fullName: string }> {
  const [list, setList] = useState<Array<{ id: string; fullName: string }>>([]);
  useEffect(() => {
    let live = true;
    void load().then((m) => live && setList([...m].map(([id, fullName]) => ({ id, fullName })).sort((a, b) => a.fullName.localeCompare(b.fullName, 'uk'))));
    return () => {
      live = false;
    };
  }, []);
  return list;
}
