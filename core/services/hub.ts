// Events from core to every connected client (Electron windows, WebSockets), validated against the contract so a
// malformed payload fails here, in tests, rather than in the renderer.
import { EVENTS, type EventName, type EventPayload } from '../contract';

export type EventListener = (event: EventName, payload: unknown) => void;

export class EventHub {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = EVENTS[event].parse(payload);
    for (const listener of this.listeners) listener(event, checked);
  }
}
