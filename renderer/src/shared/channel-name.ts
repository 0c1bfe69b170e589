import type { TFunction } from 'i18next';

/** A channel's name in the UI language ('twitter' → 'X (Twitter)', 'reviews' → 'Reseñas'). */
export function channelName(t: TFunction, channel: string): string {
  return t(`crises.channelName.${channel}`, { defaultValue: channel });
}
