import { useCallback } from "react";
import { useNavigate, useParams } from "react-router";
import { Drawer } from "../../shared/ui/Drawer";
import { ErrorState } from "../../shared/ui/ErrorState";
import { LoadingState } from "../../shared/ui/LoadingState";
import { ClusterDetailContent } from "./ClusterDetailContent";
import { useClusterDetail } from "./useClusterDetail";

/** The route /overview/clusters/:clusterId, drawn as a drawer over the Overview page. */
export function ClusterDetailPanel() {
  const { clusterId } = useParams();
  const navigate = useNavigate();
  const detail = useClusterDetail(clusterId);
  const close = useCallback(() => navigate("/overview"), [navigate]);

  return (
    <Drawer ariaLabel="Cluster detail" onClose={close}>
      {detail.isPending ? (
        <LoadingState label="Loading cluster…" />
      ) : detail.isError ? (
        <div className="pt-8">
          <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
        </div>
      ) : (
        <ClusterDetailContent detail={detail.data} />
      )}
    </Drawer>
  );
}
