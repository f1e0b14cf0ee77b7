/**
 * Shifts (巡查班次): one team's patrol period. The campaign's 出动巡查人员人次 and 救助车辆台次 are
 * counted from shifts, never typed: each member on a shift is one staff-trip, each vehicle one
 * vehicle-trip, however long the shift and however many places it visits.
 */
export interface ShiftCrew {
  members: readonly unknown[];
  vehicles: readonly string[];
}

export function shiftTrips(shift: ShiftCrew): { staffTrips: number; vehicleTrips: number } {
  return { staffTrips: shift.members.length, vehicleTrips: new Set(shift.vehicles).size };
}

/** Planned hotspots the shift has not checked in at (within reach) yet, in the planned order. */
export function hotspotsLeft(planned: readonly string[], visited: ReadonlySet<string>): string[] {
  return planned.filter((id) => !visited.has(id));
}
