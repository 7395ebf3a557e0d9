import type { ProtocolDefinitionInput } from "../definition.ts";

/** A protocol shipped with Lamplight: a stable slug (how the library and others find it) and its content. */
export type BuiltinProtocol = { slug: string; definition: ProtocolDefinitionInput };
