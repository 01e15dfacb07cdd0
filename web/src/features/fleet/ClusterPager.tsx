import { Pager } from "../../shared/table/Pager";
import { PAGE_SIZES } from "./clusterQuery";

interface ClusterPagerProps {
  page: number;
  size: number;
  total: number;
  onPageChange: (page: number) => void;
  onSizeChange: (size: number) => void;
  /** What the pages are of, for screen readers. */
  label?: string;
}

export function ClusterPager({ label = "Cluster pages", ...props }: ClusterPagerProps) {
  return <Pager ariaLabel={label} pageSizes={PAGE_SIZES} {...props} />;
}
