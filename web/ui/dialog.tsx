import type { ReactNode } from "react";
import { Dialog, Heading, Modal, ModalOverlay } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Button } from "./button.tsx";
import { CloseIcon } from "./icons.tsx";
import "./dialog.css";

interface ModalDialogProps {
  title: string;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  children: ReactNode;
  role?: "dialog" | "alertdialog";
  /** Prevent closing by clicking outside (forms with typed content). */
  isDismissable?: boolean;
  size?: "normal" | "wide";
}

/**
 * A modal dialog: focus moves in and is trapped, Escape closes, focus returns to what opened it.
 * The title is the dialog's accessible name.
 */
export function ModalDialog({
  title,
  isOpen,
  onOpenChange,
  children,
  role = "dialog",
  isDismissable = false,
  size = "normal",
}: ModalDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalOverlay
      className="modal-overlay"
      isOpen={isOpen}
      onOpenChange={onOpenChange}
      isDismissable={isDismissable}
      isKeyboardDismissDisabled={false}
    >
      <Modal className={size === "wide" ? "modal modal--wide" : "modal"}>
        <Dialog className="dialog" role={role}>
          {({ close }) => (
            <>
              <div className="dialog__header">
                <Heading slot="title" className="dialog__title">
                  {title}
                </Heading>
                <Button
                  variant="quiet"
                  onPress={close}
                  aria-label={t("common.close")}
                  className="dialog__close"
                >
                  <CloseIcon />
                </Button>
              </div>
              <div className="dialog__body">{children}</div>
            </>
          )}
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}

interface ConfirmDialogProps {
  title: string;
  isOpen: boolean;
  onOpenChange: (isOpen: boolean) => void;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  isPending?: boolean;
  destructive?: boolean;
  error?: string | null;
}

/** "Are you sure?" with the consequence spelled out and a clearly named confirm button. */
export function ConfirmDialog({
  title,
  isOpen,
  onOpenChange,
  children,
  confirmLabel,
  onConfirm,
  isPending,
  destructive,
  error,
}: ConfirmDialogProps) {
  const { t } = useTranslation();
  return (
    <ModalDialog title={title} isOpen={isOpen} onOpenChange={onOpenChange} role="alertdialog">
      <div className="stack">
        <div>{children}</div>
        {error ? (
          <p className="inline-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="form__actions">
          <Button variant={destructive ? "danger" : "primary"} onPress={onConfirm} isPending={isPending}>
            {confirmLabel}
          </Button>
          <Button variant="secondary" onPress={() => onOpenChange(false)}>
            {t("common.cancel")}
          </Button>
        </div>
      </div>
    </ModalDialog>
  );
}
