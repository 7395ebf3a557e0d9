import { useTranslation } from "react-i18next";
import {
  type AnonymityMode,
  anonymityModes,
  type CaptureKind,
  captureKinds,
  type ProtocolPurpose,
  type ProtocolRole,
  protocolPurposes,
  protocolRoles,
} from "../../../shared/protocols/definition.ts";

/** Readable names for the protocol enums, and option lists for selects and checkbox groups. */
export function useProtocolLabels() {
  const { t } = useTranslation();
  const purpose = (p: ProtocolPurpose) => t(`protocolPurposes.${p}`);
  const capture = (c: CaptureKind) => t(`captureKinds.${c}`);
  const role = (r: ProtocolRole) => t(`protocolRoles.${r}`);
  const anonymity = (a: AnonymityMode) => t(`anonymityModes.${a}`);
  const minutes = (count: number) => t("protocols.minutes", { count });
  const groupSize = ({ min, max }: { min: number; max: number }) =>
    min === max ? t("protocols.groupSizeExact", { count: min }) : t("protocols.groupSize", { min, max });
  return {
    purpose,
    capture,
    role,
    anonymity,
    minutes,
    groupSize,
    roleList: (roles: readonly ProtocolRole[]) => roles.map(role).join(", "),
    purposeOptions: protocolPurposes.map((p) => ({ value: p, label: purpose(p) })),
    captureOptions: captureKinds.map((c) => ({ value: c, label: capture(c) })),
    roleOptions: protocolRoles.map((r) => ({ value: r, label: role(r) })),
    anonymityOptions: anonymityModes.map((a) => ({ value: a, label: anonymity(a) })),
  };
}
