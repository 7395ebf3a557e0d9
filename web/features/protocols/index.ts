// What other features use from the protocol library.

export { protocolQuery, protocolVersionQuery } from "./api.ts";
export { useProtocolLabels } from "./labels.ts";
export { type PickedProtocol, ProtocolPicker, type ProtocolPickerProps } from "./protocol-picker.tsx";
