import type { EventMap, EventName } from './contract';

type Listener = (event: EventName, payload: EventMap[EventName]) => void;

/** Fans core events out to the transports (IPC windows, SSE clients). */
export class EventHub {
  private listeners = new Set<Listener>();

  emit<E extends EventName>(event: E, payload: EventMap[E]): void {
    for (const l of this.listeners) {
      try {
        l(event, payload);
      } catch {
        // A broken listener (closed window, dropped socket) must not stop the others.
      }
    }
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
