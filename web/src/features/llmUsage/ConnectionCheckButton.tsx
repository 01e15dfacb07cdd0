import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiClient } from "../../shared/api/apiClient";
import { toast } from "../../shared/toast/toastStore";
import { Button } from "../../shared/ui/Button";

interface ConnectionCheck {
  ok: boolean;
  provider: string;
  model: string | null;
  latency_ms: number;
  error: string | null;
}

/** Admins: one short call to the configured model; it is recorded like any other call. */
export function ConnectionCheckButton() {
  const queryClient = useQueryClient();
  const check = useMutation({
    mutationFn: () => apiClient.post<ConnectionCheck>("/api/llm/check"),
    onSuccess: (result) => {
      if (result.ok) toast.success(`${result.model ?? result.provider} answered`, `in ${result.latency_ms} ms`);
      else toast.error("The model could not be reached", result.error ?? undefined);
      void queryClient.invalidateQueries({ queryKey: ["llm-usage"] });
    },
    onError: (error) => toast.fromError(error, "The check failed"),
  });
  return (
    <Button onClick={() => check.mutate()} disabled={check.isPending}>
      {check.isPending ? "Checking…" : "Check connection"}
    </Button>
  );
}
