/**
 * The bounds the Api checks on each number, so that a form can say so before it sends (the Api still decides: these
 * only spare a refused save). Where each comes from is named; a change there changes it here.
 */
export const bounds = {
  /** VendorProposalEndpoints.MaxYen: fees and band prices in a proposal. */
  proposalYen: { min: 0, max: 100_000_000_000, integer: true },
  /** VendorProfileEndpoints.MaxFeeYen and MaxUnitPriceYen. */
  profileFeeYen: { min: 0, max: 1_000_000_000, integer: true },
  profileUnitPriceYen: { min: 0, max: 100_000_000, integer: true },
  /** Lower bounds of volume bands, in profiles and proposals. */
  bandFrom: { min: 0, max: 1_000_000_000, integer: true },
  staffCount: { min: 0, max: 1_000_000, integer: true },
  recoveryHours: { min: 0, max: 8760, integer: true },
  capacityFte: { min: 0, max: 100_000, integer: true },
  supportMonths: { min: 0, max: 120, integer: true },
  /** RfpValidator. */
  budgetYen: { min: 0, max: 1_000_000_000_000, integer: true },
  contractTermMonths: { min: 1, max: 120, integer: true },
  parallelRunWeeks: { min: 0, max: 104, integer: true },
  axisWeight: { min: 0, max: 100, integer: true },
  /** KpiTarget.TargetMax and ExpectedVolume.MonthlyQuantityMax. */
  kpiTarget: { min: -999_999_999, max: 999_999_999 },
  monthlyQuantity: { min: 0, max: 1_000_000_000, integer: true },
  /** WorkTask.MaxHoursPerMonth and MaxMonthlyVolume. */
  hoursPerMonth: { min: 0, max: 10_000 },
  taskMonthlyVolume: { min: 0, max: 100_000_000, integer: true },
} as const;

/** A KPI's actual in a monthly review: a share is 0 to 100, anything else is not negative (ContractKpi.IsPercentage). */
export const kpiActualBounds = (unit: string | null | undefined) =>
  ['%', '％', 'パーセント', 'percent'].includes((unit ?? '').trim()) ? { min: 0, max: 100 } : { min: 0 };
