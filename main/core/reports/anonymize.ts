import type { WorkspaceProfile } from '../model/workspace';

/**
 * How a report names people: the brand's own handles always, private individuals as
 * "Persona 1", "Persona 2"… when anonymised (numbered in the order the report meets them),
 * and handles inside text as "@…".
 */
export function reportNamer(
  handles: WorkspaceProfile['handles'],
  o: { anonymize?: boolean; lang?: 'es' | 'en' },
): { name(handle: string | null, channel: string): string; scrub(text: string): string } {
  const own = new Set(handles.map((x) => `${x.channel}:${x.handle.toLowerCase()}`));
  const names = new Map<string, string>();
  return {
    name(handle, channel) {
      if (!handle) return '—';
      if (!o.anonymize || own.has(`${channel}:${handle.toLowerCase()}`)) return `@${handle}`;
      const k = `${channel}:${handle.toLowerCase()}`;
      if (!names.has(k))
        names.set(k, `${o.lang === 'en' ? 'Person' : 'Persona'} ${names.size + 1}`);
      return names.get(k) as string;
    },
    scrub: (text) =>
      o.anonymize
        ? text.replace(/@([\w.]+)/g, (m, h: string) =>
            own.has(`twitter:${h.toLowerCase()}`) ? m : '@…',
          )
        : text,
  };
}
