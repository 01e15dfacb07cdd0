import { useMutation } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { activate } from "../../shared/auth/authApi";
import type { TokenResponse } from "../../shared/auth/session";
import { Button } from "../../shared/ui/Button";
import { ErrorState } from "../../shared/ui/ErrorState";
import { FormField } from "../../shared/ui/FormField";
import { PASSWORD_MAX, PASSWORD_MIN, validateActivation, type ActivationErrors } from "./validateActivation";

interface ActivateFormProps {
  token: string;
  onActivated: (tokens: TokenResponse) => void;
}

export function ActivateForm({ token, onActivated }: ActivateFormProps) {
  const [displayName, setDisplayName] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [errors, setErrors] = useState<ActivationErrors>({});

  const activation = useMutation({
    mutationFn: () => activate(token, password, displayName),
    meta: { toast: false },
    onSuccess: onActivated,
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = validateActivation({ displayName, password, confirm });
    setErrors(found);
    if (Object.keys(found).length === 0 && !activation.isPending) activation.mutate();
  };

  return (
    <form aria-label="Activate account" onSubmit={submit} className="space-y-4" noValidate>
      {activation.error && <ErrorState error={activation.error} />}
      <FormField
        label="Display name (optional)"
        name="display_name"
        autoComplete="name"
        value={displayName}
        error={errors.displayName}
        onChange={(e) => setDisplayName(e.target.value)}
      />
      <FormField
        label="Password"
        name="password"
        type="password"
        autoComplete="new-password"
        value={password}
        error={errors.password}
        hint={`${PASSWORD_MIN} to ${PASSWORD_MAX} characters; a passphrase works well.`}
        onChange={(e) => setPassword(e.target.value)}
      />
      <FormField
        label="Repeat password"
        name="confirm"
        type="password"
        autoComplete="new-password"
        value={confirm}
        error={errors.confirm}
        onChange={(e) => setConfirm(e.target.value)}
      />
      <Button type="submit" variant="primary" className="w-full py-2" disabled={activation.isPending}>
        {activation.isPending ? "Activating…" : "Activate and sign in"}
      </Button>
    </form>
  );
}
