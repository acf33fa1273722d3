// Builds a record's event straight from its parts plan, through the same mapping steps as
// windowsEventToEvent but without the intermediate WindowsEventParts.
import type { Event } from '../../../core/event.ts';
import {
  addWindowsData,
  beginWindowsEvent,
  endWindowsEvent,
  type WindowsEventMeta,
} from '../../windows/windows-event.ts';
import type { PartsPlanner } from './parts-plan.ts';
import type { PartsPlan } from './plan-recorder.ts';
import { emptySystem, fillSystem, SYSTEM_KEYS } from './system-keys.ts';

/** Builds events from plans; holds the System values of the event being built. */
export class PlanEventBuilder {
  /** The System values by SYSTEM_KEYS slot (stores by index rather than by varying key). */
  private readonly values: (string | undefined)[] = new Array(SYSTEM_KEYS.length).fill(undefined);
  /** Read by beginWindowsEvent and not kept, so one object serves every record. */
  private readonly system = emptySystem();

  /**
   * The event of the record last planned by `planner`: what windowsEventToEvent gives for the
   * parts the planner would fill (System values trimmed, empty attributes left out, empty Data
   * names unnamed), with the same field order.
   */
  build(plan: PartsPlan, planner: PartsPlanner, meta: WindowsEventMeta): Event {
    const values = this.values;
    values.fill(undefined);
    for (const entry of plan.system) {
      const value = planner.join(entry.pieces);
      if (value !== '' || !entry.fromAttribute) values[entry.slot] = value.trim();
    }
    const event = beginWindowsEvent(fillSystem(this.system, values), meta);
    for (const entry of plan.data) {
      const name = entry.name === undefined ? undefined : planner.join(entry.name);
      addWindowsData(event, name === '' ? undefined : name, planner.join(entry.value));
    }
    const message = plan.message === undefined ? undefined : planner.join(plan.message);
    return endWindowsEvent(event, meta, message);
  }
}
