import { useCallback } from "react";
import { useLocation, useNavigate, useParams } from "react-router";
import { Drawer } from "../../shared/ui/Drawer";
import { ErrorState } from "../../shared/ui/ErrorState";
import { LoadingState } from "../../shared/ui/LoadingState";
import { AlertDetailContent } from "./AlertDetailContent";
import { useAlert } from "./useAlerts";

/** The route /raw-alerts/:messageId, drawn as a drawer over the list; closing keeps the list's filters. */
export function AlertDetailPanel() {
  const { messageId } = useParams();
  const { search } = useLocation();
  const navigate = useNavigate();
  const alert = useAlert(messageId);
  const close = useCallback(() => navigate({ pathname: "/raw-alerts", search }), [navigate, search]);

  return (
    <Drawer ariaLabel="Alert detail" onClose={close}>
      {alert.isPending ? (
        <LoadingState label="Loading alert…" />
      ) : alert.isError ? (
        <div className="pt-8">
          <ErrorState error={alert.error} onRetry={() => void alert.refetch()} />
        </div>
      ) : (
        <AlertDetailContent alert={alert.data} />
      )}
    </Drawer>
  );
}
