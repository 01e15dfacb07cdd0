export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;
export const DISPLAY_NAME_MAX = 256;

export interface ActivationInput {
  displayName: string;
  password: string;
  confirm: string;
}

export type ActivationErrors = Partial<Record<keyof ActivationInput, string>>;

/**
 * The server's rule is length only (8 to 128 characters, no composition rules, nothing trimmed);
 * characters are counted as the user sees them, so an emoji is one.
 */
export function validateActivation({ displayName, password, confirm }: ActivationInput): ActivationErrors {
  const errors: ActivationErrors = {};
  const length = [...password].length;
  if (length < PASSWORD_MIN) errors.password = `Use at least ${PASSWORD_MIN} characters.`;
  else if (length > PASSWORD_MAX) errors.password = `Use at most ${PASSWORD_MAX} characters.`;
  if (!errors.password && confirm !== password) errors.confirm = "The two passwords differ.";
  if ([...displayName.trim()].length > DISPLAY_NAME_MAX) errors.displayName = `Use at most ${DISPLAY_NAME_MAX} characters.`;
  return errors;
}
