import type { ReactNode } from "react";
import { NotAvailablePage } from "../../pages/NotAvailablePage";
import { useFeatures, type PageKey } from "../features/useFeatures";
import { navItem, pageAvailability } from "./navItems";

/** Renders the page only when it is built and /api/features has it on; otherwise says so. */
export function FeatureGate({ page, children }: { page: PageKey; children?: ReactNode }) {
  const features = useFeatures();
  const item = navItem(page);
  const availability = pageAvailability(item, features.data);
  if (availability !== "available") return <NotAvailablePage title={item.label} reason={availability} />;
  return children;
}
