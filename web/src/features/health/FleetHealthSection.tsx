import { CriticalClustersPanel } from "../risk/CriticalClustersPanel";
import { RiskDistributionPanels } from "../risk/RiskDistributionPanels";
import { HealthOverviewPanels } from "./HealthOverviewPanels";

/** The Overview's health and risk part: risk distribution, critical clusters, score histogram and movers. */
export function FleetHealthSection() {
  return (
    <section aria-label="Health and risk" className="grid grid-cols-1 gap-3 md:grid-cols-2 xl:grid-cols-3">
      <RiskDistributionPanels />
      <CriticalClustersPanel />
      <HealthOverviewPanels />
    </section>
  );
}
