import { useEffect } from "react";
import { useNavigate, useParams } from "react-router";
import { ErrorState } from "../../shared/ui/ErrorState";
import { LoadingState } from "../../shared/ui/LoadingState";
import { ClusterDetailContent } from "./ClusterDetailContent";
import { useClusterDetail } from "./useClusterDetail";

/** The route /overview/clusters/:clusterId, drawn as a drawer over the Overview page. */
export function ClusterDetailPanel() {
  const { clusterId } = useParams();
  const navigate = useNavigate();
  const detail = useClusterDetail(clusterId);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") navigate("/overview");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [navigate]);

  return (
    <div className="fixed inset-0 z-20 flex justify-end">
      <div aria-hidden="true" className="absolute inset-0 bg-slate-900/20 dark:bg-black/50" onClick={() => navigate("/overview")} />
      <aside
        role="dialog"
        aria-label="Cluster detail"
        className="relative h-full w-full max-w-3xl overflow-y-auto border-l border-slate-200 dark:border-slate-700 bg-white dark:bg-slate-900 p-5 shadow-xl"
      >
        <button
          type="button"
          onClick={() => navigate("/overview")}
          className="absolute top-3 right-3 rounded px-2 py-1 text-sm text-slate-500 dark:text-slate-400 hover:bg-slate-100 dark:hover:bg-slate-800 hover:text-slate-900 dark:hover:text-slate-100"
        >
          Close
        </button>
        {detail.isPending ? (
          <LoadingState label="Loading cluster…" />
        ) : detail.isError ? (
          <div className="pt-8">
            <ErrorState error={detail.error} onRetry={() => void detail.refetch()} />
          </div>
        ) : (
          <ClusterDetailContent detail={detail.data} />
        )}
      </aside>
    </div>
  );
}
