import { Pager } from "../../shared/table/Pager";
import { PAGE_SIZES } from "./clusterQuery";

interface ClusterPagerProps {
  page: number;
  size: number;
  total: number;
  onPageChange: (page: number) => void;
  onSizeChange: (size: number) => void;
}

export function ClusterPager(props: ClusterPagerProps) {
  return <Pager ariaLabel="Cluster pages" pageSizes={PAGE_SIZES} {...props} />;
}
