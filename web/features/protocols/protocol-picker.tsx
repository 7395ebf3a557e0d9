import { useQuery } from "@tanstack/react-query";
import { type ReactNode, useDeferredValue, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { SelectField } from "../../ui/select-field.tsx";
import { TextField } from "../../ui/text-field.tsx";
import { protocolListQuery, protocolQuery } from "./api.ts";
import "./protocols.css";

/** What choosing a protocol gives back. */
export type PickedProtocol = { id: string; name: string; totalMinutes: number; currentVersionId: string };

export interface ProtocolPickerProps {
  /** The label of the choice, e.g. "Protocol". */
  label: string;
  /** The chosen protocol's id, or "" / null for none. */
  value: string | null;
  onChange: (protocol: PickedProtocol | null) => void;
  /** Field path in the surrounding form ("items.2.protocolId"), so a server error shows here. */
  name?: string;
  description?: ReactNode;
  isDisabled?: boolean;
}

/**
 * Choose a protocol from the library (built-ins and the district's own): type to narrow the list, then
 * pick from a native select — keyboard, screen readers and phones all know how to use one.
 */
export function ProtocolPicker(props: ProtocolPickerProps) {
  const { t } = useTranslation();
  const searchId = useId();
  const [q, setQ] = useState("");
  const deferred = useDeferredValue(q.trim());
  const list = useQuery(protocolListQuery({ q: deferred || undefined }));
  const items = list.data?.items ?? [];
  const chosenInList = items.find((p) => p.id === props.value);
  // A chosen protocol stays visible when a search hides it (or before the list loads).
  const chosen = useQuery({
    ...protocolQuery(props.value ?? ""),
    enabled: Boolean(props.value) && !chosenInList,
  });
  const chosenOption = chosenInList ?? chosen.data;
  const options = [...items];
  if (chosenOption && !chosenInList) options.unshift({ ...chosenOption });

  const pick = (id: string) => {
    const found = options.find((p) => p.id === id);
    props.onChange(
      found
        ? {
            id: found.id,
            name: found.name,
            totalMinutes: found.totalMinutes,
            currentVersionId: found.currentVersionId,
          }
        : null,
    );
  };

  return (
    <div className="protocol-picker">
      <TextField
        id={searchId}
        type="search"
        label={t("protocols.pickerSearch")}
        value={q}
        onChange={setQ}
        isDisabled={props.isDisabled}
        description={
          list.isPending
            ? t("protocols.pickerLoading")
            : items.length === 0 && deferred
              ? t("protocols.pickerNoMatch", { q: deferred })
              : undefined
        }
      />
      <SelectField
        label={props.label}
        {...(props.name !== undefined ? { name: props.name } : {})}
        description={props.description}
        value={props.value ?? ""}
        onChange={pick}
        placeholder={t("protocols.pickerPlaceholder")}
        isDisabled={props.isDisabled}
        options={options.map((p) => ({
          value: p.id,
          label: t("protocols.pickerOption", { name: p.name, minutes: p.totalMinutes }),
        }))}
      />
    </div>
  );
}
