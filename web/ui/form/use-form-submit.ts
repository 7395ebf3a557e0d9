import { useMutation } from "@tanstack/react-query";
import { type RefObject, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { newIdempotencyKey } from "../../api/client.ts";
import { errorsFromApi, errorsFromIssues, type FieldErrors } from "./field-errors.ts";

export interface FormSubmitOptions<TSchema extends z.ZodType, TResult> {
  schema: TSchema;
  /** Sends the validated data; the key stays the same across retries of one submission. */
  send: (data: z.output<TSchema>, idempotencyKey: string) => Promise<TResult>;
  onSuccess?: (result: TResult, data: z.output<TSchema>) => void;
  /** Turn a failure into messages yourself (return undefined to use the default mapping). */
  mapError?: (error: unknown) => FieldErrors | undefined;
}

export interface FormSubmit {
  errors: FieldErrors;
  isPending: boolean;
  /** Validate with the shared schema, then send; focuses the error summary on failure. */
  submit: (values: unknown) => void;
  /** Attach to the ErrorSummary so focus can move there. */
  summaryRef: RefObject<HTMLDivElement | null>;
  clearErrors: () => void;
}

/**
 * One form's submission: client-side validation with the shared zod schema, one idempotency key per
 * form (renewed only after success), a synchronous guard against double submits, server errors
 * mapped to fields.
 */
export function useFormSubmit<TSchema extends z.ZodType, TResult>(
  options: FormSubmitOptions<TSchema, TResult>,
): FormSubmit {
  const { t } = useTranslation();
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failures, setFailures] = useState(0);
  const summaryRef = useRef<HTMLDivElement | null>(null);
  const keyRef = useRef<string | null>(null);
  const inFlight = useRef(false);
  const optionsRef = useRef(options);
  optionsRef.current = options;

  const mutation = useMutation({
    mutationFn: (data: z.output<TSchema>) => {
      keyRef.current ??= newIdempotencyKey();
      return optionsRef.current.send(data, keyRef.current);
    },
  });

  useEffect(() => {
    if (failures > 0) summaryRef.current?.focus();
  }, [failures]);

  const fail = (next: FieldErrors) => {
    setErrors(next);
    setFailures((n) => n + 1);
  };

  const submit = (values: unknown) => {
    if (inFlight.current) return;
    const parsed = optionsRef.current.schema.safeParse(values);
    if (!parsed.success) {
      fail(errorsFromIssues(parsed.error.issues));
      return;
    }
    const data = parsed.data as z.output<TSchema>;
    setErrors({});
    inFlight.current = true;
    mutation.mutate(data, {
      onSuccess: (result) => {
        keyRef.current = null;
        optionsRef.current.onSuccess?.(result, data);
      },
      onError: (error) => fail(optionsRef.current.mapError?.(error) ?? errorsFromApi(error, t)),
      onSettled: () => {
        inFlight.current = false;
      },
    });
  };

  return {
    errors,
    isPending: mutation.isPending,
    submit,
    summaryRef,
    clearErrors: () => setErrors({}),
  };
}
