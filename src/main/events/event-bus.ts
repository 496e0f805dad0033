import { EventEmitter } from 'node:events';
import type { EventName, Events } from '@shared/contract/api';

/** Main's typed event bus: services publish, transports (IPC windows, harness SSE) forward. */
export class EventBus {
  private readonly emitter = new EventEmitter();
  constructor() {
    this.emitter.setMaxListeners(100);
  }
  emit<E extends EventName>(event: E, payload: Events[E]): void {
    this.emitter.emit('event', event, payload);
  }
  /** Every event, for transports that forward all of them. */
  onAny(listener: <E extends EventName>(event: E, payload: Events[E]) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
    const wrapped = (name: EventName, payload: unknown) => {
      if (name === event) listener(payload as Events[E]);
    };
    this.emitter.on('event', wrapped);
    return () => this.emitter.off('event', wrapped);
  }
}
