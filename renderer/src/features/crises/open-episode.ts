import { useEffect, useState } from 'react';
import { onEvent } from '../../api/client';

const HASH_PARAM = /[?&]episode=([^&]+)/;

/** Clicking a crisis notification (desktop shell) opens the Crises page on that episode. */
export function useCrisisOpen(): void {
  useEffect(
    () =>
      onEvent('crisis.open', (p) => {
        window.location.hash = `/crises?episode=${encodeURIComponent(p.episodeId)}`;
      }),
    [],
  );
}

/** The episode named in the URL (`#/crises?episode=c123`), following hash changes. */
export function useEpisodeFromHash(): string | null {
  const read = (): string | null => {
    const m = HASH_PARAM.exec(window.location.hash);
    return m?.[1] ? decodeURIComponent(m[1]) : null;
  };
  const [id, setId] = useState(read);
  useEffect(() => {
    const on = (): void => setId(read());
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return id;
}
