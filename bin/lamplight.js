#!/usr/bin/env node
// The `lamplight` command. Node 24 runs the TypeScript sources directly (type stripping).
import "../server/main.ts";
